<?php
/**
 * Client.
 *
 * @package Footprints
 */

namespace Footprints\Assets;

use Footprints\Hookable;

/**
 * The bundled front-end client, a script module enqueued only when a page
 * renders a trigger. Its settings travel as JSON data (not inline script),
 * identical for every visitor, so full-page caches stay safe.
 */
final class Client implements Hookable {

	public const MODULE = '@footprints/client';

	/**
	 * Registers the module and its settings.
	 */
	public function hook(): void {
		add_action( 'init', array( $this, 'register' ) );
		add_filter( 'script_module_data_' . self::MODULE, array( $this, 'settings' ) );
	}

	/**
	 * Registers the built module with the version the build computed.
	 */
	public function register(): void {
		$module = BuiltAsset::load( 'client/index' );
		if ( $module ) {
			wp_register_script_module( self::MODULE, $module->url, $module->dependencies, $module->version );
		}
	}

	/**
	 * Loads the client on this page.
	 */
	public function enqueue(): void {
		wp_enqueue_script_module( self::MODULE );
	}

	/**
	 * What the client needs to know, printed as JSON beside the module.
	 *
	 * @param array<string, mixed> $data Data other code added.
	 * @return array<string, mixed>
	 */
	public function settings( array $data ): array {
		return array_merge(
			$data,
			array( 'collect' => rest_url( 'footprints/v1/collect' ) )
		);
	}
}
