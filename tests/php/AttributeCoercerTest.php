<?php
/**
 * The collector's attribute coercion against the cases in
 * tests/fixtures/coercion-cases.json, which tests/unit/attributes.test.ts
 * runs against the client: the two must agree on every value.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Definitions\AttributeCoercer;

final class AttributeCoercerTest extends TestCase {

	/**
	 * The shared cases.
	 *
	 * @return array{schema: array<string, string>, coerced: list<array{case: string, attributes: array<string, mixed>, expected: array<string, mixed>}>, refused: list<array{case: string, name: string, value: mixed, reason: string}>}
	 */
	private static function cases(): array {
		return json_decode( (string) file_get_contents( dirname( __DIR__ ) . '/fixtures/coercion-cases.json' ), true, 512, JSON_THROW_ON_ERROR );
	}

	/**
	 * @dataProvider coerced_cases
	 *
	 * @param array<string, mixed> $attributes Values as sent.
	 * @param array<string, mixed> $expected   Values as stored.
	 */
	public function test_values_are_coerced_as_the_client_coerces_them( array $attributes, array $expected ): void {
		$this->assertSame( $expected, ( new AttributeCoercer() )->coerce( self::cases()['schema'], $attributes ) );
	}

	/**
	 * @dataProvider refused_cases
	 *
	 * @param string $name   Attribute name.
	 * @param mixed  $value  Value sent.
	 * @param string $reason The reason given.
	 */
	public function test_values_are_refused_with_the_clients_reason( string $name, mixed $value, string $reason ): void {
		$result = ( new AttributeCoercer() )->coerce( self::cases()['schema'], array( $name => $value ) );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'footprints_invalid_attribute', $result->get_error_code() );
		$this->assertSame( $reason, $result->get_error_message() );
	}

	/**
	 * @return array<string, array{array<string, mixed>, array<string, mixed>}>
	 */
	public static function coerced_cases(): array {
		$cases = array();
		foreach ( self::cases()['coerced'] as $case ) {
			$cases[ $case['case'] ] = array( $case['attributes'], $case['expected'] );
		}
		return $cases;
	}

	/**
	 * @return array<string, array{string, mixed, string}>
	 */
	public static function refused_cases(): array {
		$cases = array();
		foreach ( self::cases()['refused'] as $case ) {
			$cases[ $case['case'] ] = array( $case['name'], $case['value'], $case['reason'] );
		}
		return $cases;
	}
}
