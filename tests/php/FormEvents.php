<?php
/**
 * The forms tests' settings, and what a device stored.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

trait FormEvents {

	/**
	 * Turns form tracking on with this mapping and these contact forms.
	 *
	 * @param array<string, list<string>> $fields        Input names by trait.
	 * @param list<string>                $contact_forms Form ids.
	 */
	private function track_forms( array $fields, array $contact_forms ): void {
		update_option( \Footprints\Forms\FormSettings::OPTION, array( 'enabled' => true ) + compact( 'fields', 'contact_forms' ) );
	}

	/**
	 * A device's stored events, oldest first (derived ones after their
	 * source, in a fixed order): code and attributes.
	 *
	 * @param string $device Device id.
	 * @return list<array{0: string, 1: array<string, mixed>}>
	 */
	private function stored( string $device ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT code, attributes FROM {$wpdb->prefix}footprints_events WHERE device_id = %s ORDER BY occurred_at, FIELD(code, 'form_submission', 'invalid_email', 'corrected_email', 'identity_conversion', 'custom_data_updated', 'contact_us'), event_id", $device ), ARRAY_A );
		return array_map( static fn( array $row ) => array( (string) $row['code'], (array) json_decode( (string) $row['attributes'], true ) ), $rows );
	}
}
