<?php
/**
 * Plugin Name:       Footprints
 * Description:       Event tracking for WordPress: define User Events, attach them to page elements with a block or a shortcode, and collect them with a tiny client.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.1
 * Author:            Footprints
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       footprints
 *
 * @package Footprints
 */

defined( 'ABSPATH' ) || exit;

define( 'FOOTPRINTS_VERSION', '0.1.0' );
define( 'FOOTPRINTS_FILE', __FILE__ );
define( 'FOOTPRINTS_DIR', __DIR__ );

require_once __DIR__ . '/includes/autoload.php';
require_once __DIR__ . '/includes/functions.php';

register_activation_hook( __FILE__, array( Footprints\Plugin::class, 'activate' ) );
register_deactivation_hook( __FILE__, array( Footprints\Plugin::class, 'deactivate' ) );
add_action( 'plugins_loaded', array( Footprints\plugin(), 'hook' ) );
