<?php
/**
 * The WordPress side of bin/bench-insights, on the bench instance (emptied
 * on every run):
 *   seed      1,000,000 events over the last 90 days, 200 definitions and
 *             50,000 devices with bulk SQL (MariaDB's sequence engine), then
 *             what the plugin derives from events, built from those events:
 *             daily totals, daily devices, people and their devices (one in
 *             ten devices identified, in pairs, so merged people exist)
 *   login     an application password for admin, printed as "admin:password"
 *   queries   the insights queries to time, one "name<TAB>path" a line, for
 *             the routes this branch registers (others are listed as missing
 *             on stderr); the first line is the trivial baseline request
 *
 * Usage: php bench-insights.php WP_DIR URL seed|login|queries
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

const FOOTPRINTS_BENCH_EVENTS      = 1000000;
const FOOTPRINTS_BENCH_DEFINITIONS = 200;
const FOOTPRINTS_BENCH_DEVICES     = 50000;
const FOOTPRINTS_BENCH_DAYS        = 90;
// Devices 1..IDENTIFIED are identified, two devices a person.
const FOOTPRINTS_BENCH_IDENTIFIED = 5000;

/**
 * Runs one statement; stops the benchmark on an error.
 *
 * @param string $what What it does, for the progress line.
 * @param string $sql  The statement.
 */
function footprints_bench_run( string $what, string $sql ): void {
	global $wpdb;
	$started = microtime( true );
	$rows    = $wpdb->query( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- the benchmark's own fixed statements.
	if ( false === $rows ) {
		fwrite( STDERR, "[bench] $what failed: {$wpdb->last_error}\n" );
		exit( 1 );
	}
	fwrite( STDERR, sprintf( "[bench] %s: %d rows in %.1f s\n", $what, $rows, microtime( true ) - $started ) );
}

/**
 * Whether a table exists (the people tables arrive with migration 0008).
 *
 * @param string $table Table name without the prefix.
 */
function footprints_bench_has_table( string $table ): bool {
	global $wpdb;
	return (bool) $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->prefix . $table ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
}

/**
 * Seeds the events and builds the derived tables from them.
 */
function footprints_bench_seed(): void {
	global $wpdb;
	$p       = $wpdb->prefix;
	$app_id  = esc_sql( Footprints\plugin()->site_app_id()->get() );
	$events  = FOOTPRINTS_BENCH_EVENTS;
	$codes   = FOOTPRINTS_BENCH_DEFINITIONS;
	$devices = FOOTPRINTS_BENCH_DEVICES;
	// Events are spread evenly over the 90 days, in the order they arrived;
	// codes are skewed (code 001 is about 7 % of all events, as a page view
	// would be), devices uniform. CRC32 of the sequence number makes every
	// run seed the same events.
	$span_us = FOOTPRINTS_BENCH_DAYS * 86400000000;
	$code    = "CONCAT('bench_event_', LPAD(1 + FLOOR($codes * POW(CRC32(CONCAT('c', seq)) / 4294967296, 2)), 3, '0'))";
	$device  = "CONCAT('bench_device_', LPAD(1 + CRC32(CONCAT('d', seq)) % $devices, 6, '0'))";
	$time    = "UTC_TIMESTAMP(3) - INTERVAL $span_us MICROSECOND + INTERVAL FLOOR(seq * $span_us / $events / 1000) * 1000 MICROSECOND";
	footprints_bench_run(
		"$codes definitions",
		"INSERT INTO {$p}footprints_definitions (code, name, color, description, enabled, attributes, created_at, updated_at)
		SELECT CONCAT('bench_event_', LPAD(seq, 3, '0')), CONCAT('Bench event ', seq), CONCAT('#', LPAD(HEX(CRC32(seq) % 16777216), 6, '0')), '', 1, '{}', UTC_TIMESTAMP(), UTC_TIMESTAMP()
		FROM seq_1_to_$codes"
	);
	footprints_bench_run(
		"$events events",
		"INSERT INTO {$p}footprints_events (event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at, received_at)
		SELECT CONCAT('bench', LPAD(seq, 10, '0')), $code, '$app_id', $device, '{\"plan\":\"pro\"}', CONCAT('http://127.0.0.1/page-', seq % 500, '/'), '', $time, $time
		FROM seq_1_to_$events"
	);
	footprints_bench_run(
		'daily totals',
		"INSERT INTO {$p}footprints_daily (code, day, app_id, events, devices)
		SELECT code, DATE(occurred_at), app_id, COUNT(*), COUNT(DISTINCT device_id) FROM {$p}footprints_events GROUP BY code, DATE(occurred_at), app_id"
	);
	footprints_bench_run(
		'daily devices',
		// IGNORE: the primary key keeps one row per day, code, app and device, without a temporary table of a million rows.
		"INSERT IGNORE INTO {$p}footprints_daily_devices (day, code, app_id, device_id)
		SELECT DATE(occurred_at), code, app_id, device_id FROM {$p}footprints_events WHERE device_id IS NOT NULL"
	);
	footprints_bench_run( 'trigger counts', "UPDATE {$p}footprints_definitions d JOIN (SELECT code, COUNT(*) n, MIN(occurred_at) f FROM {$p}footprints_events GROUP BY code) e ON e.code = d.code SET d.trigger_count = e.n, d.first_triggered_at = e.f" );
	if ( ! footprints_bench_has_table( 'footprints_person_devices' ) ) {
		fwrite( STDERR, "[bench] no people tables on this branch (migration 0008): people are not seeded\n" );
		return;
	}
	// Device n belongs to person n, except identified pairs: devices 2k-1
	// and 2k are both person 2k-1, "user_<k>".
	$identified = FOOTPRINTS_BENCH_IDENTIFIED;
	$person     = "IF(n <= $identified, n - 1 + n % 2, n)";
	footprints_bench_run(
		'person devices',
		"INSERT INTO {$p}footprints_person_devices (device_id, person_id, app_id, first_seen, last_seen, events)
		SELECT device_id, $person, app_id, MIN(occurred_at), MAX(occurred_at), COUNT(*)
		FROM ( SELECT device_id, app_id, occurred_at, CAST(SUBSTRING(device_id, 14) AS UNSIGNED) AS n FROM {$p}footprints_events WHERE device_id IS NOT NULL ) AS e
		GROUP BY device_id"
	);
	footprints_bench_run(
		'people',
		"INSERT INTO {$p}footprints_people (id, app_id, user_id, email, first_seen, last_seen, events)
		SELECT person_id, MIN(app_id), IF(person_id <= $identified, CONCAT('user_', (person_id + 1) DIV 2), NULL), IF(person_id <= $identified, CONCAT('user_', (person_id + 1) DIV 2, '@example.test'), NULL), MIN(first_seen), MAX(last_seen), SUM(events)
		FROM {$p}footprints_person_devices GROUP BY person_id"
	);
	if ( footprints_bench_has_table( 'footprints_person_ids' ) ) {
		footprints_bench_run(
			'person ids',
			"INSERT INTO {$p}footprints_person_ids (kind, value, app_id, person_id)
			SELECT 'user', user_id, app_id, id FROM {$p}footprints_people WHERE user_id IS NOT NULL
			UNION ALL SELECT 'email', email, app_id, id FROM {$p}footprints_people WHERE email IS NOT NULL"
		);
	}
	footprints_bench_run( 'analyze', "ANALYZE TABLE {$p}footprints_events, {$p}footprints_daily, {$p}footprints_daily_devices, {$p}footprints_people, {$p}footprints_person_devices" );
}

/**
 * A new application password for admin.
 */
function footprints_bench_login(): void {
	$user = get_user_by( 'login', 'admin' );
	if ( ! $user ) {
		fwrite( STDERR, "[bench] no admin user\n" );
		exit( 1 );
	}
	$created = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'bench-insights ' . time() ) );
	if ( is_wp_error( $created ) ) {
		fwrite( STDERR, '[bench] no application password: ' . $created->get_error_message() . "\n" );
		exit( 1 );
	}
	echo 'admin:' . $created[0] . "\n";
}

/**
 * The queries: a name, the route pattern that must be registered, and the
 * request path. One entry a query; add a query by adding an entry.
 */
function footprints_bench_queries(): void {
	global $wpdb;
	$to      = gmdate( 'Y-m-d' );
	$from    = gmdate( 'Y-m-d', time() - ( FOOTPRINTS_BENCH_DAYS - 1 ) * DAY_IN_SECONDS );
	$busiest = footprints_bench_has_table( 'footprints_person_devices' )
		? (int) $wpdb->get_var( $wpdb->prepare( "SELECT person_id FROM {$wpdb->prefix}footprints_person_devices WHERE person_id <= %d GROUP BY person_id ORDER BY SUM(events) DESC LIMIT 1", FOOTPRINTS_BENCH_IDENTIFIED ) ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery -- table name.
		: 1;
	$queries = array(
		array( 'trivial (baseline)', '/wp/v2/users/me', '/wp/v2/users/me?context=view' ),
		array( 'dashboard range', '/footprints/v1/insights/summary', '/footprints/v1/insights/summary?range=90d' ),
		// The same with the unique devices counted afresh (UniqueDevices
		// remembers them until an event's daily device rows move): what
		// the first view after new devices arrived costs.
		array( 'dashboard, uncached', '/footprints/v1/insights/summary', '/footprints/v1/insights/summary?range=90d' ),
		array( 'live events', '/footprints/v1/insights/live', '/footprints/v1/insights/live' ),
		array( 'timeline', '/footprints/v1/people/(?P<id>\d+)/timeline', "/footprints/v1/people/$busiest/timeline" ),
		// The same person's lead brief: their latest 500 events in words.
		array( 'lead brief', '/footprints/v1/people/(?P<id>\d+)/brief', "/footprints/v1/people/$busiest/brief" ),
		// A path between two events of middling frequency (about 5,000 events each, as with 200 even codes) ...
		array( 'path comparison', '/footprints/v1/insights/paths', "/footprints/v1/insights/paths?a=bench_event_050&b=bench_event_051&window=7&from=$from&to=$to" ),
		// ... and from the most frequent event (70,000 events, 36,000 people) to the second: the heaviest there is.
		array( 'path, busiest A', '/footprints/v1/insights/paths', "/footprints/v1/insights/paths?a=bench_event_001&b=bench_event_002&window=7&from=$from&to=$to" ),
		array( 'people search', '/footprints/v1/people', '/footprints/v1/people?search=user_12' ),
	);
	$routes = rest_get_server()->get_routes();
	foreach ( $queries as list( $name, $route, $path ) ) {
		if ( isset( $routes[ $route ] ) ) {
			echo "$name\t/wp-json$path\n";
		} else {
			fwrite( STDERR, "[bench] $name: $route is not on this branch, not measured\n" );
		}
	}
}

switch ( $argv[3] ?? '' ) {
	case 'seed':
		footprints_bench_seed();
		break;
	case 'login':
		footprints_bench_login();
		break;
	case 'queries':
		footprints_bench_queries();
		break;
	case 'forget':
		// Every remembered unique-device count (see "dashboard, uncached").
		$wpdb->query( $wpdb->prepare( "DELETE FROM $wpdb->options WHERE option_name LIKE %s OR option_name LIKE %s", '_transient_footprints_unique_devices_%', '_transient_timeout_footprints_unique_devices_%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the benchmark empties its own remembered counts.
		wp_cache_flush();
		break;
	default:
		fwrite( STDERR, "usage: php bench-insights.php WP_DIR URL seed|login|queries|forget\n" );
		exit( 2 );
}
