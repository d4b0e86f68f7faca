<?php
/**
 * Server render of footprints/track: the wrapped blocks inside a wrapper
 * that carries the markup contract. An unknown or disabled event renders
 * the wrapped blocks without tracking attributes.
 *
 * @package Footprints
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var string               $content    Rendered inner blocks.
 */

$footprints_markup = Footprints\plugin()->triggers()->place_on_page(
	$attributes['event'] ?? null,
	$attributes['on'] ?? null,
	$attributes['attrs'] ?? null
);

// get_block_wrapper_attributes() escapes each value; $content is the rendered inner blocks.
// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
printf( '<div %1$s>%2$s</div>', get_block_wrapper_attributes( is_wp_error( $footprints_markup ) ? array() : $footprints_markup ), $content );
