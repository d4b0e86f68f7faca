<?php
/**
 * Payload.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

use Footprints\Database\JsonColumn;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Events\EventWriter;

/**
 * What every automation sends about an event (a webhook sends it as is;
 * Slack and CRM actions build their message from it): the event with its
 * definition's name, color and description, the person behind its device
 * as known when it is sent (an email captured since counts), and the link
 * to their timeline. Loaded for many events in one query. The lead brief
 * and an AI draft are added at send time, only for the rules that ask
 * (PayloadAdditions).
 *
 * @phpstan-type EventPayload array{event: array{id: string, code: string, name: string, color: string, description: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string}, person: array{id: int, email: string|null, user_id: string|null, wp_user_id: int|null, traits: array<string, mixed>}|null, device_id: string|null, timeline_url: string|null, brief?: string, draft?: array{subject: string, body: string}}
 */
final class Payload {

	/**
	 * Constructor.
	 *
	 * @param \wpdb                $wpdb        WordPress' database connection.
	 * @param DefinitionRepository $definitions Names, colors and descriptions.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionRepository $definitions ) {}

	/**
	 * The payloads of stored events, by event ID (events no longer stored are absent).
	 *
	 * @param array $event_ids Event IDs.
	 * @return array<string, EventPayload>
	 * @phpstan-param list<string> $event_ids
	 */
	public function of_events( array $event_ids ): array {
		if ( ! $event_ids ) {
			return array();
		}
		$wpdb         = $this->wpdb;
		$p            = $wpdb->prefix;
		$placeholders = implode( ',', array_fill( 0, count( $event_ids ), '%s' ) );
		$rows         = $wpdb->get_results(
			$wpdb->prepare(
				// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders -- table names and one %s per ID.
				"SELECT e.event_id, e.code, e.device_id, e.attributes, e.page_url, e.referrer, e.occurred_at, p.id AS person_id, p.email, p.user_id, p.wp_user_id, p.traits FROM {$p}footprints_events e LEFT JOIN {$p}footprints_person_devices d ON d.device_id = e.device_id LEFT JOIN {$p}footprints_people p ON p.id = d.person_id WHERE e.event_id IN ($placeholders)",
				$event_ids
			),
			ARRAY_A
		);
		$definitions = $this->definitions->find_many( array_column( (array) $rows, 'code' ) );
		$payloads    = array();
		foreach ( (array) $rows as $row ) {
			$person                                = null === $row['person_id'] ? null : array(
				'id'         => (int) $row['person_id'],
				'email'      => null === $row['email'] ? null : (string) $row['email'],
				'user_id'    => null === $row['user_id'] ? null : (string) $row['user_id'],
				'wp_user_id' => null === $row['wp_user_id'] ? null : (int) $row['wp_user_id'],
				'traits'     => JsonColumn::decode( (string) $row['traits'] ),
			);
			$payloads[ (string) $row['event_id'] ] = self::build(
				array(
					'id'          => (string) $row['event_id'],
					'code'        => (string) $row['code'],
					'attributes'  => JsonColumn::decode( (string) $row['attributes'] ),
					'page'        => (string) $row['page_url'],
					'referrer'    => (string) $row['referrer'],
					'occurred_at' => (string) Iso::from_db( (string) $row['occurred_at'] ),
				),
				$definitions[ (string) $row['code'] ] ?? null,
				$person,
				null === $row['device_id'] ? null : (string) $row['device_id']
			);
		}//end foreach
		return $payloads;
	}

	/**
	 * A sample payload for a "Send test" of a rule's event: its attributes
	 * filled by type, a made-up person.
	 *
	 * @param string $code Event code.
	 * @return EventPayload
	 */
	public function sample( string $code ): array {
		$definition = $this->definitions->find( $code );
		$attributes = array();
		$samples    = array(
			'string'   => 'example',
			'number'   => 42,
			'boolean'  => true,
			'datetime' => gmdate( 'c' ),
			'json'     => array( 'example' => true ),
		);
		foreach ( (array) ( $definition['attributes'] ?? array() ) as $name => $type ) {
			$attributes[ (string) $name ] = $samples[ $type ] ?? 'example';
		}
		return self::build(
			array(
				'id'          => 'evt_test_' . wp_generate_password( 16, false ),
				'code'        => $code,
				'attributes'  => $attributes,
				'page'        => home_url( '/' ),
				'referrer'    => '',
				'occurred_at' => (string) Iso::from_db( EventWriter::to_datetime( (int) floor( microtime( true ) * 1000 ) ) ),
			),
			$definition,
			array(
				'id'         => 0,
				'email'      => 'test@example.com',
				'user_id'    => null,
				'wp_user_id' => null,
				'traits'     => array( 'name' => 'Test Person' ),
			),
			null
		);
	}

	/**
	 * The link to the lead timeline of a person, or of a device not linked to one.
	 *
	 * @param int|null    $person_id Person ID.
	 * @param string|null $device_id Device ID.
	 */
	public static function timeline_url( ?int $person_id, ?string $device_id ): ?string {
		if ( $person_id ) {
			return admin_url( 'admin.php?page=footprints-insights&view=person&person=' . $person_id );
		}
		return null === $device_id ? null : admin_url( 'admin.php?page=footprints-insights&view=person&device=' . rawurlencode( $device_id ) );
	}

	/**
	 * A payload.
	 *
	 * @param array{id: string, code: string, attributes: array<string, mixed>, page: string, referrer: string, occurred_at: string} $event      The event.
	 * @param array<string, mixed>|null                                                                                              $definition Its definition.
	 * @param array{id: int, email: string|null, user_id: string|null, wp_user_id: int|null, traits: array<string, mixed>}|null      $person     The person.
	 * @param string|null                                                                                                            $device_id  The device.
	 * @return EventPayload
	 */
	private static function build( array $event, ?array $definition, ?array $person, ?string $device_id ): array {
		return array(
			'event'        => array(
				'id'          => $event['id'],
				'code'        => $event['code'],
				'name'        => (string) ( $definition['name'] ?? $event['code'] ),
				'color'       => (string) ( $definition['color'] ?? '' ),
				'description' => (string) ( $definition['description'] ?? '' ),
				'attributes'  => $event['attributes'],
				'page'        => $event['page'],
				'referrer'    => $event['referrer'],
				'occurred_at' => $event['occurred_at'],
			),
			'person'       => $person,
			'device_id'    => $device_id,
			'timeline_url' => self::timeline_url( $person ? $person['id'] : null, $device_id ),
		);
	}
}
