<?php
/**
 * TrackAbility.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

use Footprints\Capabilities;
use Footprints\Definitions\AttributeCoercer;
use Footprints\Definitions\DefinitionRepository;
use Footprints\Hookable;

/**
 * The ability footprints/track-event: records an event from the server through
 * footprints_track(), the collectors' one validator, so an agent's event
 * is judged like any other (an enabled definition, attributes typed by its
 * schema) and stored where the configured backend collects. Not read-only,
 * not idempotent (each call adds an event), not destructive. Only for
 * those who manage Footprints (manage_options): a tracked event can start
 * automations and link a device to a WordPress user.
 */
final class TrackAbility implements Hookable {

	public const NAME = 'footprints/track-event';

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions The events' attribute types.
	 * @param AttributeCoercer     $coercer     Types attribute values as the collectors do.
	 */
	public function __construct( private DefinitionRepository $definitions, private AttributeCoercer $coercer ) {}

	/**
	 * Registers the ability when WordPress has the API (6.9+).
	 */
	public function hook(): void {
		add_action( 'wp_abilities_api_init', array( $this, 'register' ) );
	}

	/**
	 * Registers footprints/track-event.
	 */
	public function register(): void {
		// The collectors' own rules of an event (data/schema/event.json).
		$event = wp_json_file_decode( FOOTPRINTS_DIR . '/data/schema/event.json', array( 'associative' => true ) );
		$field = is_array( $event ) ? (array) $event['properties'] : array();
		wp_register_ability(
			self::NAME,
			array(
				'label'               => __( 'Track an event', 'footprints' ),
				'description'         => __( 'Records one event from the server, as footprints_track() does: the code must name an enabled definition, and the attributes are typed by its schema (see footprints/list-event-definitions). Optionally the device it happened on, the page and referrer, when it happened, the WordPress user it happened to, and an id of your own that makes a retry safe. Answers the stored event, or why it was refused.', 'footprints' ),
				'category'            => AbilityMeta::CATEGORY,
				'input_schema'        => AbilitySchema::input(
					array(
						'code'       => array( 'required' => true ) + $field['event'],
						'attributes' => $field['attributes'],
						'device_id'  => array( 'description' => __( 'The device the event happened on: it joins that device\'s journey.', 'footprints' ) ) + $field['device_id'],
						'page'       => $field['page'],
						'referrer'   => $field['referrer'],
						'id'         => array( 'description' => __( 'An id of your own: the same event sent again (a retry) is stored once, and refused with a 409 the second time.', 'footprints' ) ) + $field['id'],
						'time'       => $field['time'],
						'wp_user'    => array(
							'description' => __( 'The ID of the WordPress user it happened to: the device is linked to that person, with their email.', 'footprints' ),
							'type'        => 'integer',
							'minimum'     => 1,
						),
					)
				),
				'output_schema'       => AbilitySchema::closed(
					array(
						'id'         => array(
							'description' => __( 'The stored event\'s id.', 'footprints' ),
							'type'        => 'string',
						),
						'code'       => array( 'type' => 'string' ),
						'attributes' => array(
							'description' => __( 'The attributes as stored, typed by the definition.', 'footprints' ),
							'type'        => 'object',
						),
						'device_id'  => array( 'type' => array( 'string', 'null' ) ),
					)
				),
				'execute_callback'    => array( $this, 'track' ),
				'permission_callback' => array( Capabilities::class, 'current_user_manages' ),
				'meta'                => AbilityMeta::adding(),
			)
		);
	}

	/**
	 * The stored event, or why it was not stored (footprints_track()'s
	 * error: 400 for an unknown or switched-off code or a bad attribute,
	 * 503 when the store failed: send it again).
	 *
	 * @param mixed $input The validated input.
	 * @return array{id: string, code: string, attributes: object, device_id: string|null}|\WP_Error
	 */
	public function track( mixed $input = null ): array|\WP_Error {
		$input      = is_array( $input ) ? $input : array();
		$code       = (string) ( $input['code'] ?? '' );
		$attributes = (array) ( $input['attributes'] ?? array() );
		$context    = array_intersect_key( $input, array_flip( array( 'id', 'time', 'device_id', 'page', 'referrer', 'wp_user' ) ) );
		$id         = footprints_track( $code, $attributes, $context );
		if ( $id instanceof \WP_Error ) {
			return $id;
		}
		// Stored, so the definition took these values: the same coercion gives what was stored.
		$stored = $this->coercer->coerce( (array) ( $this->definitions->find( $code )['attributes'] ?? array() ), $attributes );
		return array(
			'id'         => $id,
			'code'       => $code,
			'attributes' => (object) ( $stored instanceof \WP_Error ? $attributes : $stored ),
			'device_id'  => isset( $context['device_id'] ) ? (string) $context['device_id'] : null,
		);
	}
}
