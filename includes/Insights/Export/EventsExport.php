<?php
/**
 * EventsExport.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

use Footprints\Definitions\DefinitionSchema;
use Footprints\Hookable;
use Footprints\Insights\DefinitionLabels;

/**
 * The export "events": every stored event that occurred in a range of UTC
 * days, oldest first, optionally of one code and one site (app ID). Read
 * a page at a time by keyset (occurred_at, id), which the occurred,
 * code_occurred and app_occurred indexes serve without OFFSET.
 */
final class EventsExport implements ExportableView, Hookable {

	public const NAME = 'events';

	private const PAGE = 1000;

	private const DAY = '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$';

	/**
	 * Constructor.
	 *
	 * @param \wpdb            $wpdb   WordPress' database connection.
	 * @param DefinitionLabels $labels Names of the codes.
	 */
	public function __construct( private \wpdb $wpdb, private DefinitionLabels $labels ) {}

	/**
	 * Registers the view.
	 */
	public function hook(): void {
		add_filter( ExportViews::FILTER, array( $this, 'register' ) );
	}

	/**
	 * Adds this view to the exportable ones.
	 *
	 * @param array<string, ExportableView> $views Views so far.
	 * @return array<string, ExportableView>
	 */
	public function register( array $views ): array {
		$views[ self::NAME ] = $this;
		return $views;
	}

	/**
	 * The view's name.
	 */
	public function name(): string {
		return self::NAME;
	}

	/**
	 * The range (UTC days, both included; the last 7 days by default), a code and a site.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public function args(): array {
		return array(
			'from' => array(
				'description' => __( 'First UTC day, YYYY-MM-DD (default: 6 days before today).', 'footprints' ),
				'type'        => 'string',
				'pattern'     => self::DAY,
			),
			'to'   => array(
				'description'       => __( 'Last UTC day, YYYY-MM-DD, included (default: today).', 'footprints' ),
				'type'              => 'string',
				'pattern'           => self::DAY,
				'validate_callback' => array( self::class, 'validate_to' ),
			),
			'code' => array(
				'description' => __( 'Only events with this code.', 'footprints' ),
				'type'        => 'string',
				'pattern'     => DefinitionSchema::code_pattern(),
			),
			'site' => array(
				'description' => __( 'Only events of this site (its app ID).', 'footprints' ),
				'type'        => 'string',
				'pattern'     => '^[A-Za-z0-9_-]{1,64}$',
			),
		);
	}

	/**
	 * A range ends on or after its first day (YYYY-MM-DD strings compare as dates).
	 *
	 * @param mixed            $to      The last day.
	 * @param \WP_REST_Request $request The request, for "from".
	 * @return true|\WP_Error
	 */
	public static function validate_to( $to, \WP_REST_Request $request ) {
		$from = $request['from'];
		if ( is_string( $from ) && is_string( $to ) && $to < $from ) {
			/* translators: 1: last day, 2: first day */
			return new \WP_Error( 'rest_invalid_param', sprintf( __( 'to (%1$s) is before from (%2$s); give the first day as from and the last as to.', 'footprints' ), $to, $from ) );
		}
		return true;
	}

	/**
	 * The headings.
	 *
	 * @return list<string>
	 */
	public function columns(): array {
		return array( 'time_utc', 'event', 'event_name', 'site', 'device_id', 'page', 'referrer', 'attributes', 'event_id', 'received_utc' );
	}

	/**
	 * The events, oldest first, a page at a time.
	 *
	 * @param array<string, mixed> $params Validated parameters.
	 * @return \Generator<int, list<string|null>>
	 * @throws \RuntimeException When a page cannot be read (the download then says it stopped short).
	 */
	public function rows( array $params ): \Generator {
		$wpdb   = $this->wpdb;
		$table  = $wpdb->prefix . 'footprints_events';
		$to     = (string) ( $params['to'] ?? gmdate( 'Y-m-d' ) );
		$from   = (string) ( $params['from'] ?? gmdate( 'Y-m-d', (int) strtotime( "$to -6 days" ) ) );
		$where  = 'occurred_at >= %s AND occurred_at < %s';
		$values = array( "$from 00:00:00", gmdate( 'Y-m-d', (int) strtotime( "$to +1 day" ) ) . ' 00:00:00' );
		foreach ( array(
			'code' => 'code',
			'site' => 'app_id',
		) as $param => $column ) {
			if ( isset( $params[ $param ] ) && '' !== $params[ $param ] ) {
				$where   .= " AND $column = %s";
				$values[] = (string) $params[ $param ];
			}
		}
		$after = null;
		do {
			$sql  = "SELECT id, event_id, code, app_id, device_id, attributes, page_url, referrer, occurred_at, received_at FROM $table WHERE $where";
			$args = $values;
			if ( null !== $after ) {
				$sql .= ' AND occurred_at >= %s AND ( occurred_at > %s OR id > %d )';
				array_push( $args, $after[0], $after[0], $after[1] );
			}
			$args[] = self::PAGE;
			// phpcs:ignore WordPress.DB.PreparedSQL -- table name and fixed clauses only; one placeholder per value.
			$page = (array) $wpdb->get_results( $wpdb->prepare( "$sql ORDER BY occurred_at, id LIMIT %d", $args ), ARRAY_A );
			if ( '' !== $wpdb->last_error ) {
				throw new \RuntimeException( esc_html( $wpdb->last_error ) );
			}
			$labels = $this->labels->of( array_map( static fn( $row ) => (string) $row['code'], $page ) );
			foreach ( $page as $row ) {
				yield array(
					self::iso( (string) $row['occurred_at'] ),
					(string) $row['code'],
					$labels[ (string) $row['code'] ]['name'] ?? (string) $row['code'],
					(string) $row['app_id'],
					null === $row['device_id'] ? null : (string) $row['device_id'],
					(string) $row['page_url'],
					(string) $row['referrer'],
					(string) $row['attributes'],
					(string) $row['event_id'],
					self::iso( (string) $row['received_at'] ),
				);
			}
			$full  = self::PAGE === count( $page );
			$last  = end( $page );
			$after = $last ? array( (string) $last['occurred_at'], (int) $last['id'] ) : null;
			unset( $page );
		} while ( $full );
	}

	/**
	 * A stored UTC DATETIME(3) as ISO 8601.
	 *
	 * @param string $mysql_time Stored time.
	 */
	private static function iso( string $mysql_time ): string {
		return str_replace( ' ', 'T', $mysql_time ) . 'Z';
	}
}
