<?php
/**
 * PSR-4 autoloader for the Footprints\ namespace (includes/). The plugin
 * ships without Composer's runtime, which is only used for dev tools.
 *
 * @package Footprints
 */

spl_autoload_register(
	static function ( string $class_name ): void {
		if ( ! str_starts_with( $class_name, 'Footprints\\' ) ) {
			return;
		}
		$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( 'Footprints\\' ) ) ) . '.php';
		if ( is_file( $file ) ) {
			require $file;
		}
	}
);
