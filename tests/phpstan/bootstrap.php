<?php
/**
 * Constants WordPress and plugin.php define at run time, for PHPStan:
 * it reads code, it does not run WordPress.
 *
 * @package Footprints
 */

define( 'ABSPATH', '/' );
define( 'WPINC', 'wp-includes' );
define( 'FOOTPRINTS_VERSION', '0.1.0' );
define( 'FOOTPRINTS_FILE', dirname( __DIR__, 2 ) . '/plugin.php' );
define( 'FOOTPRINTS_DIR', dirname( __DIR__, 2 ) );
define( 'OBJECT', 'OBJECT' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'DAY_IN_SECONDS', 86400 );
