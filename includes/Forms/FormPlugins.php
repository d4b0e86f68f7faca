<?php
/**
 * FormPlugins.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

/**
 * The form plugins whose server hooks record form_submission
 * (data/form-plugins.json), and which of them this site runs.
 */
final class FormPlugins {

	public const FILE = '/data/form-plugins.json';

	/**
	 * Every known form plugin.
	 *
	 * @return list<array{prefix: string, name: string, detect: string, selector: string}>
	 */
	public static function all(): array {
		static $plugins = null;
		$plugins      ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) )['plugins'];
		return $plugins;
	}

	/**
	 * The form plugins active here: their class or constant exists.
	 *
	 * @return list<array{prefix: string, name: string, detect: string, selector: string}>
	 */
	public function active(): array {
		return array_values( array_filter( self::all(), static fn( array $plugin ) => defined( $plugin['detect'] ) || class_exists( $plugin['detect'], false ) ) );
	}

	/**
	 * One CSS selector for the active plugins' forms, which the client
	 * leaves to their server hooks; '' when none is active.
	 */
	public function skip_selector(): string {
		return implode( ',', array_column( $this->active(), 'selector' ) );
	}
}
