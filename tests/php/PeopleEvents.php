<?php
/**
 * Events of devices as the client sends them, for the people tests.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

trait PeopleEvents {

	/**
	 * 2025-11-23 12:13:20 UTC, in milliseconds.
	 *
	 * @var int
	 */
	private static int $t0 = 1763900000000;

	/**
	 * A click of a device, $seconds after T0.
	 *
	 * @param string $device  Device id.
	 * @param int    $seconds Seconds after T0.
	 * @return array<string, mixed>
	 */
	private function click( string $device, int $seconds ): array {
		return $this->event( $device, $seconds, 'trial_click', array() );
	}

	/**
	 * An identify() call as the client sends it.
	 *
	 * @param string               $device  Device id.
	 * @param int                  $seconds Seconds after T0.
	 * @param string               $user_id The id.
	 * @param array<string, mixed> $traits  Traits.
	 * @return array<string, mixed>
	 */
	private function identify( string $device, int $seconds, string $user_id, array $traits = array() ): array {
		return $this->event( $device, $seconds, 'custom_data_updated', array( 'user_id' => $user_id ) + ( $traits ? array( 'traits' => $traits ) : array() ) );
	}

	/**
	 * An event.
	 *
	 * @param string               $device     Device id.
	 * @param int                  $seconds    Seconds after T0.
	 * @param string               $code       Event code.
	 * @param array<string, mixed> $attributes Attributes.
	 * @return array<string, mixed>
	 */
	private function event( string $device, int $seconds, string $code, array $attributes ): array {
		return array(
			'id'         => 'evt_' . md5( $device . $seconds . $code . wp_json_encode( $attributes ) ),
			'event'      => $code,
			'attributes' => (object) $attributes,
			'time'       => self::$t0 + $seconds * 1000,
			'page'       => 'http://example.test/pricing/',
			'device_id'  => $device,
		);
	}

	/**
	 * The person row of a device.
	 *
	 * @param string $device Device id.
	 * @return array<string, mixed>
	 */
	private function person_of( string $device ): array {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT p.* FROM {$wpdb->prefix}footprints_people p JOIN {$wpdb->prefix}footprints_person_devices d ON d.person_id = p.id WHERE d.device_id = %s", $device ), ARRAY_A );
		$this->assertIsArray( $row, "device $device has a person" );
		return $row;
	}

}
