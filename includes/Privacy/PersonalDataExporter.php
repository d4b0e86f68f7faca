<?php
/**
 * PersonalDataExporter.
 *
 * @package Footprints
 */

namespace Footprints\Privacy;

use Footprints\Database\JsonColumn;
use Footprints\Hookable;
use Footprints\Insights\DefinitionLabels;
use Footprints\People\PeopleQuery;

/**
 * Tools → Export Personal Data: everything Footprints keeps about the
 * people an email leads to (PeopleOfEmail). The first page holds each
 * person (ids, email, WordPress user, traits, first and last seen) and
 * every device linked to them; every page holds up to 500 of their
 * devices' events (name, code, time, page, referrer, attributes), in the
 * order they were stored, then the events without a device that carry
 * the email (a form sent without consent to a device id), until the last.
 */
final class PersonalDataExporter implements Hookable {

	public const KEY = 'footprints';

	/**
	 * Constructor.
	 *
	 * @param PeopleOfEmail    $people Finds the people of an email.
	 * @param PersonalEvents   $events Their events.
	 * @param DefinitionLabels $labels Names of event codes.
	 */
	public function __construct( private PeopleOfEmail $people, private PersonalEvents $events, private DefinitionLabels $labels ) {}

	/**
	 * Registers the exporter.
	 */
	public function hook(): void {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'register' ) );
	}

	/**
	 * Adds the exporter to WordPress' list.
	 *
	 * @param mixed $exporters Exporters by key.
	 * @return array<string, mixed>
	 */
	public function register( mixed $exporters ): array {
		$exporters              = is_array( $exporters ) ? $exporters : array();
		$exporters[ self::KEY ] = array(
			'exporter_friendly_name' => __( 'Footprints (event tracking)', 'footprints' ),
			'callback'               => array( $this, 'export' ),
		);
		return $exporters;
	}

	/**
	 * One page of the export.
	 *
	 * @param string $email Email address of the request.
	 * @param int    $page  Page, from 1.
	 * @return array{data: list<array<string, mixed>>, done: bool}
	 */
	public function export( string $email, int $page = 1 ): array {
		$page     = max( 1, $page );
		$per_page = PersonalAttributes::per_page();
		$people   = $this->people->people( $email );
		$devices  = $this->people->devices( $people );
		$ids      = array_column( $devices, 'device_id' );
		$data     = array();
		if ( 1 === $page ) {
			foreach ( $this->people->rows( $people ) as $person ) {
				$data[] = self::person_item( $person );
			}
			foreach ( $devices as $device ) {
				$data[] = self::device_item( $device );
			}
		}
		// The devices' events, then those without a device that carry the email.
		$offset  = ( $page - 1 ) * $per_page;
		$on_them = $this->events->count( $ids );
		$events  = $this->events->read( $ids, $offset, $per_page );
		if ( count( $events ) < $per_page ) {
			array_push( $events, ...$this->events->read_loose( $email, 0, max( 0, $offset - $on_them ), $per_page - count( $events ) ) );
		}
		$names = $this->labels->of( array_column( $events, 'code' ) );
		foreach ( $events as $event ) {
			$data[] = self::event_item( $event, $names[ $event['code'] ]['name'] ?? $event['code'] );
		}
		return array(
			'data' => $data,
			'done' => $page * $per_page >= $on_them + $this->events->count_loose( $email ),
		);
	}

	/**
	 * A person as an export item.
	 *
	 * @param array<string, mixed> $person A footprints_people row with 'ids'.
	 * @return array<string, mixed>
	 */
	private static function person_item( array $person ): array {
		$traits = JsonColumn::decode( (string) $person['traits'] );
		return array(
			'group_id'          => 'footprints-people',
			'group_label'       => __( 'Footprints: person', 'footprints' ),
			'group_description' => __( 'The visitor Footprints recognised by this email, a user id or a WordPress sign-in, with what identified them.', 'footprints' ),
			'item_id'           => 'footprints-person-' . (int) $person['id'],
			'data'              => self::pairs(
				array(
					__( 'Person ID', 'footprints' )        => (string) $person['id'],
					__( 'Site (app ID)', 'footprints' )    => (string) $person['app_id'],
					__( 'Email', 'footprints' )            => (string) $person['email'],
					__( 'User ID', 'footprints' )          => (string) $person['user_id'],
					__( 'WordPress user ID', 'footprints' ) => (string) $person['wp_user_id'],
					__( 'Identified by', 'footprints' )    => implode( ', ', (array) $person['ids'] ),
					__( 'Traits', 'footprints' )           => $traits ? self::json( $traits ) : '',
					__( 'First seen (UTC)', 'footprints' ) => PeopleQuery::iso( (string) $person['first_seen'] ),
					__( 'Last seen (UTC)', 'footprints' )  => PeopleQuery::iso( (string) $person['last_seen'] ),
					__( 'Events', 'footprints' )           => (string) $person['events'],
				)
			),
		);
	}

	/**
	 * A device as an export item.
	 *
	 * @param array{device_id: string, person_id: int, app_id: string, first_seen: string, last_seen: string, events: int} $device Device.
	 * @return array<string, mixed>
	 */
	private static function device_item( array $device ): array {
		return array(
			'group_id'          => 'footprints-devices',
			'group_label'       => __( 'Footprints: devices', 'footprints' ),
			'group_description' => __( 'Browsers linked to this person: each keeps a random device id in its local storage.', 'footprints' ),
			'item_id'           => 'footprints-device-' . $device['device_id'],
			'data'              => self::pairs(
				array(
					__( 'Device ID', 'footprints' )        => $device['device_id'],
					__( 'Person ID', 'footprints' )        => (string) $device['person_id'],
					__( 'Site (app ID)', 'footprints' )    => $device['app_id'],
					__( 'First seen (UTC)', 'footprints' ) => PeopleQuery::iso( $device['first_seen'] ),
					__( 'Last seen (UTC)', 'footprints' )  => PeopleQuery::iso( $device['last_seen'] ),
					__( 'Events', 'footprints' )           => (string) $device['events'],
				)
			),
		);
	}

	/**
	 * An event as an export item.
	 *
	 * @param array{event_id: string, code: string, app_id: string, device_id: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string} $event Event.
	 * @param string                                                                                                                                                          $name  Its definition's name.
	 * @return array<string, mixed>
	 */
	private static function event_item( array $event, string $name ): array {
		return array(
			'group_id'          => 'footprints-events',
			'group_label'       => __( 'Footprints: events', 'footprints' ),
			'group_description' => __( 'What this person did on the site, as Footprints recorded it.', 'footprints' ),
			'item_id'           => 'footprints-event-' . $event['event_id'],
			'data'              => self::pairs(
				array(
					__( 'Event', 'footprints' )         => $name,
					__( 'Code', 'footprints' )          => $event['code'],
					__( 'Time (UTC)', 'footprints' )    => PeopleQuery::iso( $event['occurred_at'] ),
					__( 'Page', 'footprints' )          => $event['page'],
					__( 'Referrer', 'footprints' )      => $event['referrer'],
					__( 'Attributes', 'footprints' )    => $event['attributes'] ? self::json( $event['attributes'] ) : '',
					__( 'Device ID', 'footprints' )     => '' !== $event['device_id'] ? $event['device_id'] : __( 'none (sent without a device id)', 'footprints' ),
					__( 'Site (app ID)', 'footprints' ) => $event['app_id'],
					__( 'Event ID', 'footprints' )      => $event['event_id'],
				)
			),
		);
	}

	/**
	 * Name/value pairs as WordPress' export takes them, empty values left out.
	 *
	 * @param array<string, string> $values Values by label.
	 * @return list<array{name: string, value: string}>
	 */
	private static function pairs( array $values ): array {
		$pairs = array();
		foreach ( $values as $name => $value ) {
			if ( '' !== $value ) {
				$pairs[] = array(
					'name'  => (string) $name,
					'value' => $value,
				);
			}
		}
		return $pairs;
	}

	/**
	 * A value as readable JSON.
	 *
	 * @param array<mixed> $value Value.
	 */
	private static function json( array $value ): string {
		return (string) wp_json_encode( $value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES );
	}
}
