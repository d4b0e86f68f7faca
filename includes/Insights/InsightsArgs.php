<?php
/**
 * InsightsArgs.
 *
 * @package Footprints
 */

namespace Footprints\Insights;

use Footprints\Definitions\DefinitionSchema;

/**
 * The parameters of the dashboard and live events, as register_rest_route()
 * "args": the REST routes and the export views validate the same way.
 */
final class InsightsArgs {

	/**
	 * The range and filters of the dashboard.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function summary(): array {
		return array(
			'range' => array(
				'description' => __( 'The days: today, the last 7, 30 or 90 days (today included), or custom (from and to). UTC days.', 'footprints' ),
				'type'        => 'string',
				'enum'        => DateRange::PRESETS,
				'default'     => '30d',
			),
			'from'  => array(
				'description' => __( 'First day of a custom range, YYYY-MM-DD (UTC).', 'footprints' ),
				'type'        => 'string',
				'format'      => 'date',
				'default'     => '',
			),
			'to'    => array(
				'description' => __( 'Last day of a custom range, YYYY-MM-DD (UTC), included.', 'footprints' ),
				'type'        => 'string',
				'format'      => 'date',
				'default'     => '',
			),
			'code'  => array(
				'description' => __( 'Only these events (codes, comma-separated); the busiest ones when none is given.', 'footprints' ),
				'type'        => 'array',
				'items'       => array(
					'type'    => 'string',
					'pattern' => DefinitionSchema::code_pattern(),
				),
				'maxItems'    => DashboardSummary::MAX_CODES,
				'uniqueItems' => true,
				'default'     => array(),
			),
		) + self::site();
	}

	/**
	 * The filters of live events.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function live(): array {
		return array(
			'code'   => array(
				'description' => __( 'Only events with this code.', 'footprints' ),
				'type'        => 'string',
				'pattern'     => DefinitionSchema::code_pattern(),
			),
			'device' => array(
				'description' => __( 'Only events of this device.', 'footprints' ),
				'type'        => 'string',
				'pattern'     => self::event_schema()['properties']['device_id']['pattern'],
			),
			'limit'  => array(
				'description' => __( 'How many events, newest first.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => LiveEvents::MAX,
				'default'     => LiveEvents::MAX,
			),
		) + self::site();
	}

	/**
	 * The site filter: one app ID.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function site(): array {
		return array(
			'site' => array(
				'description' => __( 'Only events of this site (its app ID); all sites when not given.', 'footprints' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{1,64}$',
			),
		);
	}

	/**
	 * The event's JSON schema (data/schema/event.json).
	 *
	 * @return array{properties: array{device_id: array{pattern: string}}}
	 */
	private static function event_schema(): array {
		/**
		 * The file as committed.
		 *
		 * @var array{properties: array{device_id: array{pattern: string}}} $schema
		 */
		$schema = wp_json_file_decode( FOOTPRINTS_DIR . '/data/schema/event.json', array( 'associative' => true ) );
		return $schema;
	}
}
