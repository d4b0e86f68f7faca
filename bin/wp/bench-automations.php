<?php
/**
 * The WordPress side of bin/bench-automations, on the bench instance
 * (emptied on every run):
 *   drain RULES RECEIVER_URL  replaces the rules with RULES rules on
 *                             bench_signup (webhook, Slack, CRM to the
 *                             receiver; each with a condition that holds),
 *                             buffers 10,000 bench_signup events of 2,000
 *                             new devices in batches of 20, as the fast
 *                             collector does, times the drain and prints
 *                             "events seconds queued"
 *   deliver                   works the queue until it is empty and prints
 *                             "deliveries seconds failures"
 *
 * The loopback kick is off here: the benchmark times the drain alone, then
 * the worker alone.
 *
 * Usage: php bench-automations.php WP_DIR URL drain|deliver [RULES RECEIVER_URL]
 *
 * @package Footprints
 */

// Sets up the request WordPress believes it serves (the instance's URL).
require __DIR__ . '/cli-load.php';
require $footprints_wp_dir . '/wp-load.php';

const FOOTPRINTS_BENCH_EVENTS  = 10000;
const FOOTPRINTS_BENCH_DEVICES = 2000;
const FOOTPRINTS_BENCH_BATCH   = 20;

add_filter( 'footprints_automations_kick', '__return_false' );

// phpcs:disable WordPress.DB.DirectDatabaseQuery -- the benchmark's own site.
global $wpdb;
$footprints_plugin = Footprints\plugin();
switch ( $argv[3] ?? '' ) {
	case 'drain':
		$footprints_rules    = (int) ( $argv[4] ?? 0 );
		$footprints_receiver = (string) ( $argv[5] ?? '' );
		$footprints_plugin->definitions()->add_if_missing(
			array(
				'code'       => 'bench_signup',
				'name'       => 'Bench Signup',
				'attributes' => array(
					'plan'  => 'string',
					'price' => 'number',
				),
			)
		);
		foreach ( $footprints_plugin->rule_store()->all() as $footprints_rule ) {
			$footprints_plugin->rule_store()->delete( $footprints_rule['id'] );
		}
		$footprints_actions = array(
			array(
				'type' => 'webhook',
				'url'  => "$footprints_receiver/webhook",
			),
			array(
				'type' => 'slack',
				'url'  => "$footprints_receiver/slack/T0/B0/bench",
			),
			array(
				'type'        => 'crm',
				'url'         => "$footprints_receiver/crm",
				'auth_header' => 'Authorization',
				'auth_value'  => 'Bearer bench',
				'fields'      => array(
					'email' => 'person.email',
					'plan'  => 'attributes.plan',
					'event' => 'event.name',
					'link'  => 'timeline_url',
				),
			),
		);
		for ( $footprints_i = 0; $footprints_i < $footprints_rules; $footprints_i++ ) {
			$footprints_made = $footprints_plugin->automation_rules()->create(
				array(
					'name'       => "Bench rule $footprints_i",
					'event'      => 'bench_signup',
					'conditions' => array(
						array(
							'attribute' => 'price',
							'operator'  => 'greater_than',
							'value'     => 10,
						),
					),
					'action'     => $footprints_actions[ $footprints_i % 3 ],
				)
			);
			if ( is_wp_error( $footprints_made ) ) {
				fwrite( STDERR, $footprints_made->get_error_message() . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
				exit( 1 );
			}
		}
		$footprints_run    = "r{$footprints_rules}_" . wp_generate_password( 6, false );
		$footprints_now    = (int) floor( microtime( true ) * 1000 );
		$footprints_buffer = $footprints_plugin->buffer();
		$footprints_app    = $footprints_plugin->site_app_id()->get();
		for ( $footprints_b = 0; $footprints_b < FOOTPRINTS_BENCH_EVENTS / FOOTPRINTS_BENCH_BATCH; $footprints_b++ ) {
			$footprints_events = array();
			for ( $footprints_i = 0; $footprints_i < FOOTPRINTS_BENCH_BATCH; $footprints_i++ ) {
				$footprints_n        = $footprints_b * FOOTPRINTS_BENCH_BATCH + $footprints_i;
				$footprints_events[] = array(
					'id'         => "evt_{$footprints_run}_$footprints_n",
					'event'      => 'bench_signup',
					'attributes' => array(
						'plan'  => 0 === $footprints_n % 2 ? 'pro' : 'team',
						'price' => 49 + $footprints_n % 150,
					),
					'app_id'     => $footprints_app,
					'time'       => $footprints_now - 1000 + $footprints_n % 1000,
					'page'       => 'https://shop.example.com/pricing',
					'referrer'   => '',
					'device_id'  => "dev_{$footprints_run}_" . ( $footprints_n % FOOTPRINTS_BENCH_DEVICES ),
				);
			}
			$footprints_buffer->append( $footprints_now, $footprints_events, array() );
		}//end for
		$footprints_report = $footprints_plugin->drainer()->drain();
		printf( "%d %.3f %d\n", $footprints_report['stored'], $footprints_report['seconds'], $footprints_plugin->automation_worker()->queued() );
		break;
	case 'deliver':
		$footprints_worker = $footprints_plugin->automation_worker();
		$footprints_start  = microtime( true );
		$footprints_sent   = 0;
		$footprints_failed = 0;
		do {
			$footprints_report  = $footprints_worker->run( 60 );
			$footprints_sent   += $footprints_report['delivered'];
			$footprints_failed += $footprints_report['retrying'] + $footprints_report['failed'];
		} while ( $footprints_report['delivered'] > 0 && $footprints_worker->queued() > 0 );
		printf( "%d %.3f %d\n", $footprints_sent, microtime( true ) - $footprints_start, $footprints_failed );
		break;
}//end switch
