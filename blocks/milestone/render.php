<?php
/**
 * Server render of footprints/milestone: an empty, hidden-from-readers
 * marker that fires its event when reached or loaded. Nothing renders for
 * an unknown or disabled event.
 *
 * @package Footprints
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

$footprints_markup = Footprints\plugin()->triggers()->place_on_page(
	$attributes['event'] ?? null,
	( $attributes['on'] ?? null ) === 'load' ? 'load' : 'view',
	$attributes['attrs'] ?? null
);

if ( ! is_wp_error( $footprints_markup ) ) {
	// get_block_wrapper_attributes() escapes each value.
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
	printf( '<div %s aria-hidden="true"></div>', get_block_wrapper_attributes( $footprints_markup ) );
}
