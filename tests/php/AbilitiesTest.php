<?php
/**
 * Agents read the event definitions through the Abilities API, with the
 * same rules, capability and errors as the REST routes.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class AbilitiesTest extends TestCase {

	/**
	 * An ability of the plugin.
	 *
	 * @param string $name Ability name.
	 */
	private function ability( string $name ): \WP_Ability {
		$ability = wp_get_ability( $name );
		$this->assertInstanceOf( \WP_Ability::class, $ability, "$name is not registered." );
		return $ability;
	}

	public function test_an_editor_lists_and_reads_events_with_their_meaning(): void {
		$this->log_in_as( 'editor' );

		$list  = $this->ability( 'footprints/list-events' )->execute( array( 'search' => 'trial' ) );
		$event = $this->ability( 'footprints/get-event' )->execute( array( 'code' => 'trial_click' ) );

		$this->assertSame( 1, $list['total'] );
		$this->assertSame( array( 'trial_click' ), array_column( $list['items'], 'code' ) );
		$this->assertSame( 'Trial Started', $event['name'] );
		$this->assertSame( 'A visitor clicked a call to action that starts a free trial.', $event['description'] );
		$this->assertSame( array( 'source' => 'string' ), $event['attributes'] );
	}

	public function test_an_unknown_code_is_the_same_404_as_the_rest_route(): void {
		$this->log_in_as( 'editor' );

		$error = $this->ability( 'footprints/get-event' )->execute( array( 'code' => 'never_defined' ) );

		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertSame( 'footprints_definition_not_found', $error->get_error_code() );
		$this->assertSame( 404, $error->get_error_data()['status'] );
		$this->assertSame( $error->get_error_message(), $this->rest( 'GET', '/footprints/v1/definitions/never_defined' )->as_error()->get_error_message() );
	}

	public function test_a_subscriber_and_a_bad_code_are_refused(): void {
		$this->log_in_as( 'editor' );
		$bad_code = $this->ability( 'footprints/get-event' )->execute( array( 'code' => 'Trial Click' ) );
		$this->log_in_as( 'subscriber' );
		$subscriber = $this->ability( 'footprints/list-events' )->execute( array() );

		$this->assertInstanceOf( \WP_Error::class, $bad_code );
		$this->assertSame( 'ability_invalid_input', $bad_code->get_error_code() );
		$this->assertInstanceOf( \WP_Error::class, $subscriber );
		$this->assertSame( 'ability_invalid_permissions', $subscriber->get_error_code() );
	}

	public function test_definitions_come_with_their_meaning_and_attributes_as_a_json_schema(): void {
		\Footprints\plugin()->definitions()->add_if_missing(
			array(
				'code'        => 'schema_order',
				'name'        => 'Order Placed',
				'description' => 'The visitor paid: a customer now, not a lead.',
				'color'       => '#112233',
				'attributes'  => array(
					'total'  => 'number',
					'gift'   => 'boolean',
					'at'     => 'datetime',
					'basket' => 'json',
					'coupon' => 'string',
				),
			)
		);
		$this->log_in_as( 'editor' );

		$list = $this->ability( 'footprints/list-event-definitions' )->execute( array( 'search' => 'schema_' ) );

		$this->assertSame( 1, $list['total'] );
		$order = json_decode( (string) wp_json_encode( $list['items'][0] ), true );
		$this->assertSame(
			array(
				'code'        => 'schema_order',
				'name'        => 'Order Placed',
				'description' => 'The visitor paid: a customer now, not a lead.',
				'color'       => '#112233',
				'enabled'     => true,
				'system'      => false,
				'attributes'  => array(
					'type'                 => 'object',
					'properties'           => array(
						'total'  => array( 'type' => 'number' ),
						'gift'   => array( 'type' => 'boolean' ),
						'at'     => array(
							'type'        => 'string',
							'format'      => 'date-time',
							'description' => 'ISO 8601; a day alone (YYYY-MM-DD) is accepted too.',
						),
						'basket' => array( 'type' => array( 'object', 'array' ) ),
						'coupon' => array( 'type' => 'string' ),
					),
					'additionalProperties' => array( 'type' => 'string' ),
				),
			),
			$order
		);
		// The schema takes what the collectors take, and refuses what they refuse.
		$good = array(
			'total'  => 49.9,
			'gift'   => true,
			'at'     => '2025-11-23T12:00:00Z',
			'basket' => array( 'sku' => 'a1' ),
			'source' => 'newsletter',
		);
		$this->assertSame( array(), JsonSchemaCheck::problems( $good, $order['attributes'] ) );
		$this->assertIsArray( \Footprints\plugin()->coercer()->coerce( \Footprints\plugin()->definitions()->find( 'schema_order' )['attributes'], $good ) );
		$this->assertSame( array( '$.total: "free" is not of type number' ), JsonSchemaCheck::problems( array( 'total' => 'free' ) + $good, $order['attributes'] ) );
		$this->assertInstanceOf( \WP_Error::class, \Footprints\plugin()->coercer()->coerce( array( 'total' => 'number' ), array( 'total' => 'free' ) ) );
	}
}
