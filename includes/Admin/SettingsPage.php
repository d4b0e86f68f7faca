<?php
/**
 * SettingsPage.
 *
 * @package Footprints
 */

namespace Footprints\Admin;

use Footprints\Assets\BuiltAsset;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * The "Footprints" admin menu and its settings screen: a React app
 * (src/admin) that talks to the REST API. The page itself prints only a
 * mount point; no setting, and never the API key, is printed into it.
 */
final class SettingsPage implements Hookable {

	public const SLUG   = 'footprints';
	public const HANDLE = 'footprints-admin';

	/**
	 * The page's hook suffix, once the menu is added.
	 *
	 * @var string
	 */
	private string $hook_suffix = '';

	/**
	 * Adds the menu and the page's assets.
	 */
	public function hook(): void {
		add_action( 'admin_menu', array( $this, 'add_menu' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds Footprints to the admin menu.
	 */
	public function add_menu(): void {
		$this->hook_suffix = (string) add_menu_page(
			__( 'Footprints', 'footprints' ),
			__( 'Footprints', 'footprints' ),
			Capabilities::manage(),
			self::SLUG,
			array( $this, 'render' ),
			'dashicons-chart-line',
			58
		);
		// The first submenu item repeats the parent; named for what it opens
		// beside Insights.
		add_submenu_page(
			self::SLUG,
			__( 'Footprints', 'footprints' ),
			__( 'Settings', 'footprints' ),
			Capabilities::manage(),
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Loads the app on this page only, with the dependencies the build found.
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( $hook_suffix === $this->hook_suffix ) {
			BuiltAsset::enqueue( 'admin/index', self::HANDLE, array( 'wp-components' ) );
		}
	}

	/**
	 * The mount point.
	 */
	public function render(): void {
		printf(
			'<div class="wrap"><h1>%s</h1><div id="footprints-admin"></div></div>',
			esc_html__( 'Footprints', 'footprints' )
		);
	}
}
