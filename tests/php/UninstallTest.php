<?php
/**
 * Deleting the plugin leaves nothing of it in the database.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Plugin;
use function Footprints\plugin;

final class UninstallTest extends TestCase {

	protected function tearDown(): void {
		parent::tearDown();
		// Dropping tables ends the transaction: put the plugin back for the other tests.
		Plugin::activate();
	}

	public function test_uninstall_removes_the_tables_and_options(): void {
		global $wpdb;
		plugin()->rejections()->add( array( 'trial_click' => array( 'footprints_unknown_event' => 1 ) ) );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'footprints/plugin.php' ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress' own constant.
		}
		include FOOTPRINTS_DIR . '/uninstall.php';

		$this->assertSame( array(), $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'footprints_' ) . '%' ) ) );
		$this->assertSame( '0', $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", 'footprints\_%' ) ) );
	}
}
