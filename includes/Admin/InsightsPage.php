<?php
/**
 * InsightsPage.
 *
 * @package Footprints
 */

namespace Footprints\Admin;

use Footprints\Assets\BuiltAsset;
use Footprints\Capabilities;
use Footprints\Hookable;

/**
 * Footprints → Insights: one admin page for every insights view (the
 * dashboard, live events, people, a timeline, paths), a React app
 * (src/insights) that keeps the view and its parameters in the URL, so a
 * reload, a shared link and the browser's Back open the same view. The
 * page prints only a mount point; the data comes through REST routes that
 * check the capability again.
 */
final class InsightsPage implements Hookable {

	public const SLUG   = 'footprints-insights';
	public const HANDLE = 'footprints-insights';

	/**
	 * The page's hook suffix, once the menu is added.
	 *
	 * @var string
	 */
	private string $hook_suffix = '';

	/**
	 * Adds the submenu and the page's assets.
	 */
	public function hook(): void {
		// After SettingsPage's menu (priority 10), which is the parent.
		add_action( 'admin_menu', array( $this, 'add_menu' ), 11 );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Adds Insights under the Footprints menu.
	 */
	public function add_menu(): void {
		$this->hook_suffix = (string) add_submenu_page(
			SettingsPage::SLUG,
			__( 'Footprints Insights', 'footprints' ),
			__( 'Insights', 'footprints' ),
			Capabilities::view_insights(),
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Loads the app, and with it the chart, on this page only.
	 *
	 * @param string $hook_suffix The current admin page.
	 */
	public function enqueue( string $hook_suffix ): void {
		if ( '' !== $this->hook_suffix && $hook_suffix === $this->hook_suffix ) {
			BuiltAsset::enqueue( 'insights/index', self::HANDLE, array( 'wp-components' ) );
		}
	}

	/**
	 * The mount point.
	 */
	public function render(): void {
		printf(
			'<div class="wrap"><h1>%s</h1><div id="footprints-insights"></div></div>',
			esc_html__( 'Insights', 'footprints' )
		);
	}
}
