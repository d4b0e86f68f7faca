<?php
/**
 * Attribute values are coerced by the definition's schema where that is
 * safe and refused with a reason a person can act on where it is not.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Definitions\AttributeCoercer;

final class AttributeCoercerTest extends TestCase {

	private const SCHEMA = array(
		'price'   => 'number',
		'annual'  => 'boolean',
		'starts'  => 'datetime',
		'cart'    => 'json',
		'plan'    => 'string',
		'strange' => 'integer',
	);

	public function test_safe_values_become_their_type(): void {
		$coerced = ( new AttributeCoercer() )->coerce(
			self::SCHEMA,
			array(
				'price'   => '199',
				'annual'  => 'false',
				'starts'  => '2025-11-22T10:00:00.123+02:00',
				'cart'    => '{"items":[1,2]}',
				'plan'    => 3,
				'strange' => true,
				'source'  => 'hero',
			)
		);

		$this->assertSame(
			array(
				'price'   => 199,
				'annual'  => false,
				'starts'  => '2025-11-22T10:00:00.123+02:00',
				'cart'    => array( 'items' => array( 1, 2 ) ),
				'plan'    => '3',
				'strange' => 'true',
				'source'  => 'hero',
			),
			$coerced
		);
	}

	/**
	 * @dataProvider refused_values
	 *
	 * @param string $name   Attribute name.
	 * @param mixed  $value  Value sent.
	 * @param string $reason The reason given.
	 */
	public function test_unsafe_values_are_refused_with_the_reason( string $name, mixed $value, string $reason ): void {
		$result = ( new AttributeCoercer() )->coerce( self::SCHEMA, array( $name => $value ) );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_invalid_attribute', $result->get_error_code() );
		$this->assertSame( $reason, $result->get_error_message() );
	}

	/**
	 * @return array<string, array{string, mixed, string}>
	 */
	public function refused_values(): array {
		return array(
			'words for a number'      => array( 'price', 'cheap', 'attribute "price" is not a valid number' ),
			'spaces in a number'      => array( 'price', ' 199', 'attribute "price" is not a valid number' ),
			'yes for a boolean'       => array( 'annual', 'yes', 'attribute "annual" is not a valid boolean' ),
			'a day that never was'    => array( 'starts', '2025-02-30', 'attribute "starts" is not a valid datetime' ),
			'not ISO 8601'            => array( 'starts', '22/11/2025', 'attribute "starts" is not a valid datetime' ),
			'broken JSON'             => array( 'cart', '{items:', 'attribute "cart" is not a valid json' ),
			'an object for a string'  => array( 'plan', array( 'a' => 1 ), 'attribute "plan" is not a valid string' ),
			'a name that is not case' => array( 'Plan-Name', 'pro', 'attribute "Plan-Name" is not a valid snake_case name' ),
		);
	}
}
