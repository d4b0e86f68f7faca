<?php
/**
 * No address of a visitor is kept anywhere: events sent from known
 * addresses (through the fast collector and the REST route, accepted,
 * refused and rate-limited) leave no trace of them, raw or as a plain hash,
 * in any table, option or transient, the collector's data folder or the
 * debug log. The rate limit still counts them (under a keyed hash of the day).
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Collector\AddressKey;
use Footprints\Collector\CollectorSettings;
use function Footprints\plugin;

final class PrivacyNoRawAddressTest extends FastCollectorTestCase {

	private const FAST_ADDRESS = '203.0.113.77';
	private const REST_ADDRESS = '2001:db8::77';

	/**
	 * The debug log's size before the test.
	 *
	 * @var int
	 */
	private int $log_from = 0;

	protected function setUp(): void {
		parent::setUp();
		unset( $_SERVER['REMOTE_ADDR'] );
		$this->define_event( 'trial_click' );
		// The fast collector is reached from 127.0.0.1: as behind a proxy, the header names the visitor.
		update_option( CollectorSettings::PROXY_HEADER, 'X-Forwarded-For' );
		add_filter( 'footprints_collector_limits', static fn( array $limits ) => array( 'rate_requests' => 2 ) + $limits );
		plugin()->collector_config()->write();
		$this->log_from = is_file( (string) WP_DEBUG_LOG ) ? (int) filesize( (string) WP_DEBUG_LOG ) : 0;
	}

	protected function tearDown(): void {
		unset( $_SERVER['REMOTE_ADDR'] );
		parent::tearDown();
	}

	public function test_events_sent_from_known_addresses_leave_no_trace_of_them_anywhere(): void {
		$batch                  = static fn( string $id ) => (string) wp_json_encode(
			array(
				'events' => array(
					array(
						'id'        => $id,
						'event'     => 'trial_click',
						'device_id' => 'dev_address_1',
						'page'      => 'https://example.test/',
					),
					array(
						'id'    => $id . '_x',
						'event' => 'no_such_event',
					),
				),
			)
		);
		$header                 = array( 'X-Forwarded-For: ' . self::FAST_ADDRESS );
		$fast                   = array(
			FastCollector::post( $batch( 'evt_fast_addr_1' ), 'text/plain;charset=UTF-8', $header ),
			FastCollector::post( $batch( 'evt_fast_addr_2' ), 'text/plain;charset=UTF-8', $header ),
			FastCollector::post( $batch( 'evt_fast_addr_3' ), 'text/plain;charset=UTF-8', $header ),
		);
		$_SERVER['REMOTE_ADDR'] = self::REST_ADDRESS;
		$rest                   = array();
		foreach ( array( 'evt_rest_addr_1', 'evt_rest_addr_2', 'evt_rest_addr_3' ) as $id ) {
			$request = new \WP_REST_Request( 'POST', '/footprints/v1/collect' );
			$request->set_header( 'Content-Type', 'text/plain' );
			$request->set_body( $batch( $id ) );
			$rest[] = rest_do_request( $request )->get_status();
		}
		unset( $_SERVER['REMOTE_ADDR'] );
		$buffered = $this->data_folder();
		$this->assertStringContainsString( 'evt_fast_addr_1', $buffered, 'the fast collector\'s batches wait in the buffer' );
		plugin()->drainer()->drain();

		// Both were counted and limited: two requests each, the third refused.
		$this->assertSame( array( 200, 200, 429 ), array_column( $fast, 'status' ) );
		$this->assertSame( array( 200, 200, 429 ), $rest );
		global $wpdb;
		$this->assertSame( '4', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}footprints_events WHERE event_id IN ('evt_fast_addr_1', 'evt_fast_addr_2', 'evt_rest_addr_1', 'evt_rest_addr_2')" ) );

		$places = array(
			'database'      => $this->database(),
			'buffer'        => $buffered,
			'data folder'   => $this->data_folder(),
			'the debug log' => $this->new_log_lines(),
		);
		foreach ( array( self::FAST_ADDRESS, self::REST_ADDRESS ) as $address ) {
			foreach ( self::forms_of( $address ) as $form => $needle ) {
				foreach ( $places as $place => $text ) {
					$this->assertStringNotContainsStringIgnoringCase( $needle, $text, "$address as $form is not in $place" );
				}
			}
		}
		$counters = preg_grep( '/^[0-9a-f]{32}\.php$/D', array_map( 'basename', (array) glob( $this->rate_dir() . '/*.php' ) ) );
		$this->assertCount( 2, $counters, 'one counter per address, named by its keyed hash' );
	}

	public function test_the_key_of_a_day_is_deleted_after_it_so_its_names_lead_nowhere(): void {
		$dir = sys_get_temp_dir() . '/footprints-address-key-' . wp_generate_password( 8, false );
		mkdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_mkdir
		$day_one = gmmktime( 12, 0, 0, 11, 23, 2026 );
		$day_two = $day_one + DAY_IN_SECONDS;
		$keys    = new AddressKey( $dir );

		$monday = $keys->name( self::FAST_ADDRESS, $day_one );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{32}$/D', $monday );
		$this->assertSame( $monday, $keys->name( self::FAST_ADDRESS, $day_one + 3600 ), 'one name all day' );
		$this->assertNotSame( $monday, $keys->name( '203.0.113.78', $day_one ) );
		$this->assertNotSame( $monday, $keys->name( self::FAST_ADDRESS, $day_two ), 'another name the next day' );

		$keys->sweep( $day_two );

		$this->assertSame( array( 'key-20261124.php' ), array_map( 'basename', (array) glob( $dir . '/*' ) ) );
		$this->assertNotSame( $monday, $keys->name( self::FAST_ADDRESS, $day_one ), 'the first day\'s key is gone for good' );
		array_map( 'unlink', (array) glob( $dir . '/*' ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_rmdir
	}

	/**
	 * An address as text and as the usual unkeyed hashes and encodings of it.
	 *
	 * @param string $address Address.
	 * @return array<string, string>
	 */
	private static function forms_of( string $address ): array {
		$packed = (string) inet_pton( $address );
		$forms  = array(
			'text'       => $address,
			'expanded'   => implode( ':', str_split( bin2hex( $packed ), 4 ) ),
			'packed hex' => bin2hex( $packed ),
			'sha256'     => substr( hash( 'sha256', $address ), 0, 24 ),
			'sha1'       => substr( sha1( $address ), 0, 24 ),
			'md5'        => substr( md5( $address ), 0, 24 ),
			'base64'     => base64_encode( $address ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- an encoding to look for.
		);
		if ( 4 === strlen( $packed ) ) {
			$forms['integer'] = (string) ip2long( $address );
			unset( $forms['expanded'] );
		}
		return $forms;
	}

	/**
	 * Every row of every table of the site (the plugin's, options and
	 * transients, meta), as one text.
	 */
	private function database(): string {
		global $wpdb;
		$text = '';
		foreach ( (array) $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix ) . '%' ) ) as $table ) {
			foreach ( (array) $wpdb->get_results( "SELECT * FROM `$table`", ARRAY_N ) as $row ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a table name SHOW TABLES gave.
				$text .= implode( "\t", array_map( 'strval', $row ) ) . "\n";
			}
		}
		$this->assertStringContainsString( 'evt_rest_addr_1', $text, 'the search reads the events' );
		return $text;
	}

	/**
	 * Names and contents of every file in the collector's data folder.
	 */
	private function data_folder(): string {
		$root  = plugin()->collector_config()->data_dir()->path;
		$text  = '';
		$files = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $root, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $files as $file ) {
			$text .= $file->getPathname() . "\n" . (string) file_get_contents( $file->getPathname() ) . "\n"; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		}
		$this->assertStringContainsString( '/rate/', $text, 'the search reads the rate counters' );
		return $text;
	}

	/**
	 * What the debug log got during the test.
	 */
	private function new_log_lines(): string {
		return is_file( (string) WP_DEBUG_LOG ) ? (string) file_get_contents( (string) WP_DEBUG_LOG, false, null, $this->log_from ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	}

	/**
	 * The rate counters' folder.
	 */
	private function rate_dir(): string {
		return plugin()->collector_config()->data_dir()->rate_dir();
	}
}
