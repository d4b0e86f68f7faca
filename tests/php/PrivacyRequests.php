<?php
/**
 * People with many events, and WordPress' privacy requests run the way
 * Tools → Export / Erase Personal Data runs them, for the privacy tests.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals -- WordPress' own privacy hooks, run as core runs them.

use function Footprints\plugin;

trait PrivacyRequests {

	/**
	 * 2026-10-01 00:00:00 UTC, in milliseconds.
	 *
	 * @var int
	 */
	private static int $start = 1790812800000;

	/**
	 * Stores events through the server-side ingest (which may record the
	 * server-only ones), 50 a batch, and checks every one was accepted.
	 *
	 * @param list<array<string, mixed>> $events Events.
	 */
	private function store( array $events ): void {
		foreach ( array_chunk( $events, 50 ) as $chunk ) {
			$answer = plugin()->ingest()->ingest( $chunk );
			$this->assertIsArray( $answer );
			$this->assertSame( array(), $answer['rejected'] );
			$this->assertSame( count( $chunk ), $answer['accepted'] );
		}
	}

	/**
	 * Clicks of a device, one a minute.
	 *
	 * @param string $device Device id.
	 * @param int    $count  How many.
	 * @param int    $from   Minutes after the start of the first.
	 * @return list<array<string, mixed>>
	 */
	private function clicks( string $device, int $count, int $from = 0 ): array {
		$events = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$events[] = $this->privacy_event( $device, $from + $i, 'trial_click', array( 'plan' => 'pro' ) );
		}
		return $events;
	}

	/**
	 * An identify() call that names an email, as the client sends it.
	 *
	 * @param string               $device  Device id.
	 * @param int                  $minute  Minutes after the start.
	 * @param string               $email   The email trait.
	 * @param string|null          $user_id The id given to identify(), if any.
	 * @param array<string, mixed> $more    More attributes (traits go in 'traits').
	 * @return array<string, mixed>
	 */
	private function identify_email( string $device, int $minute, string $email, ?string $user_id = null, array $more = array() ): array {
		$attributes = array_merge( $more, array( 'traits' => array_merge( $more['traits'] ?? array(), array( 'email' => $email ) ) ) );
		if ( null !== $user_id ) {
			$attributes = array( 'user_id' => $user_id ) + $attributes;
		}
		return $this->privacy_event( $device, $minute, 'custom_data_updated', $attributes );
	}

	/**
	 * An event.
	 *
	 * @param string               $device     Device id.
	 * @param int                  $minute     Minutes after the start.
	 * @param string               $code       Event code.
	 * @param array<string, mixed> $attributes Attributes.
	 * @param string               $page       Page URL.
	 * @return array<string, mixed>
	 */
	private function privacy_event( string $device, int $minute, string $code, array $attributes, string $page = 'https://example.test/pricing/' ): array {
		return array(
			'id'         => 'evt_' . substr( md5( $device . '|' . $minute . '|' . $code ), 0, 24 ),
			'event'      => $code,
			'attributes' => $attributes,
			'time'       => self::$start + $minute * 60000,
			'page'       => $page,
			'device_id'  => $device,
		);
	}

	/**
	 * A form sent by a visitor without a device id (no consent to one),
	 * naming an email.
	 *
	 * @param int    $minute Minutes after the start.
	 * @param string $email  The email given.
	 * @return array<string, mixed>
	 */
	private function anonymous_form( int $minute, string $email ): array {
		$event = $this->privacy_event(
			'no_device',
			$minute,
			'form_submission',
			array(
				'form'  => 'newsletter',
				'email' => $email,
			)
		);
		unset( $event['device_id'] );
		$event['id'] = 'evt_form_' . md5( $email . $minute );
		return $event;
	}

	/**
	 * A privacy request of a visitor.
	 *
	 * @param string $email  Email.
	 * @param string $action export_personal_data or remove_personal_data.
	 * @param string $status pending (waits for the visitor's confirmation) or confirmed.
	 */
	private function request( string $email, string $action, string $status = 'confirmed' ): int {
		$id = wp_create_user_request( $email, $action, array(), $status );
		$this->assertIsInt( $id );
		return $id;
	}

	/**
	 * Footprints' exporter or eraser callback, as WordPress finds it.
	 *
	 * @param string $filter wp_privacy_personal_data_exporters or _erasers.
	 */
	private function privacy_callback( string $filter ): callable {
		$registered = apply_filters( $filter, array() );
		$this->assertArrayHasKey( 'footprints', $registered );
		$callback = $registered['footprints']['callback'];
		$this->assertIsCallable( $callback );
		return $callback;
	}

	/**
	 * Runs every eraser WordPress has on a request, page by page, the way
	 * its erasure screen does (wp_ajax_wp_privacy_erase_personal_data):
	 * each answer goes through the filter wp_privacy_personal_data_erasure_page,
	 * whose core handler marks the request done and fires
	 * wp_privacy_personal_data_erased after the last eraser's last page.
	 *
	 * @param int $request_id The request.
	 * @return list<array<string, mixed>> Footprints' eraser's answers, page by page.
	 */
	private function erase_through_wordpress( int $request_id ): array {
		require_once ABSPATH . 'wp-admin/includes/privacy-tools.php';
		if ( ! has_filter( 'wp_privacy_personal_data_erasure_page', 'wp_privacy_process_personal_data_erasure_page' ) ) {
			add_filter( 'wp_privacy_personal_data_erasure_page', 'wp_privacy_process_personal_data_erasure_page', 10, 5 );
		}
		$request = wp_get_user_request( $request_id );
		$this->assertNotFalse( $request );
		$erasers = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$ours    = array();
		$index   = 0;
		foreach ( $erasers as $key => $eraser ) {
			++$index;
			$page = 1;
			do {
				$response = call_user_func( $eraser['callback'], $request->email, $page );
				$response = apply_filters( 'wp_privacy_personal_data_erasure_page', $response, $index, $request->email, $page, $request_id, $key );
				$this->assertIsArray( $response, "eraser $key answered an array" );
				if ( 'footprints' === $key ) {
					$ours[] = $response;
				}
				++$page;
			} while ( ! $response['done'] && $page < 100 );
		}
		return $ours;
	}

	/**
	 * Runs every exporter WordPress has on a request, page by page, through
	 * core's wp_privacy_process_personal_data_export_page, and returns the
	 * export as core groups it for the file.
	 *
	 * @param int $request_id The request.
	 * @return array<string, array<string, mixed>> Groups by id, as in the _export_data_grouped meta.
	 */
	private function export_through_wordpress( int $request_id ): array {
		require_once ABSPATH . 'wp-admin/includes/privacy-tools.php';
		$request = wp_get_user_request( $request_id );
		$this->assertNotFalse( $request );
		// Core hands the grouped data to the hook that writes the file, then deletes it.
		$groups = null;
		remove_all_actions( 'wp_privacy_personal_data_export_file' );
		add_action(
			'wp_privacy_personal_data_export_file',
			static function ( int $id ) use ( &$groups ): void {
				$groups = get_post_meta( $id, '_export_data_grouped', true );
			}
		);
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$index     = 0;
		foreach ( $exporters as $key => $exporter ) {
			++$index;
			$page = 1;
			do {
				$response = call_user_func( $exporter['callback'], $request->email, $page );
				$response = wp_privacy_process_personal_data_export_page( $response, $index, $request->email, $page, $request_id, false, $key );
				++$page;
			} while ( ! $response['done'] && $page < 100 );
		}
		remove_all_actions( 'wp_privacy_personal_data_export_file' );
		$this->assertIsArray( $groups );
		return $groups;
	}

	/**
	 * Every row of the plugin's tables as one text, to search.
	 */
	private function all_footprints_rows(): string {
		global $wpdb;
		$text = '';
		foreach ( (array) $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'footprints' ) . '%' ) ) as $table ) {
			foreach ( (array) $wpdb->get_results( "SELECT * FROM `$table`", ARRAY_N ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a table name SHOW TABLES gave.
				$text .= $table . ': ' . implode( "\t", array_map( 'strval', $row ) ) . "\n";
			}
		}
		return $text;
	}
}
