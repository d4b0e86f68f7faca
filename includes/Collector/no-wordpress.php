<?php
/**
 * What the collector's plain PHP needs from WordPress when WordPress is
 * not loaded (the fast collector): __() returning the English text.
 *
 * @package Footprints
 */

if ( ! function_exists( '__' ) ) {
	/**
	 * The text as written: the fast collector answers in English.
	 *
	 * @param string $text   Text.
	 * @param string $domain Text domain (unused).
	 * @return string
	 */
	function __( $text, $domain = 'default' ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.FunctionDoubleUnderscore, WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound, Generic.CodeAnalysis.UnusedFunctionParameter.FoundAfterLastUsed -- WordPress' own name, defined only where WordPress is absent.
		return $text;
	}
}
