<?php
/**
 * The OpenAPI document (docs/openapi.json) documents exactly the routes and methods the plugin
 * registers under footprints/v1, so the contract cannot drift from the code.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class OpenApiTest extends TestCase {

	public function test_every_registered_route_and_method_is_documented_and_nothing_else(): void {
		$doc        = json_decode( (string) file_get_contents( FOOTPRINTS_DIR . '/docs/openapi.json' ), true );
		$documented = array();
		foreach ( $doc['paths'] as $path => $operations ) {
			foreach ( array_keys( $operations ) as $method ) {
				if ( 'parameters' !== $method ) {
					$documented[] = strtoupper( $method ) . ' ' . preg_replace( '/\{(\w+)\}/', '{$1}', $path );
				}
			}
		}

		$registered = array();
		foreach ( rest_get_server()->get_routes( 'footprints/v1' ) as $route => $handlers ) {
			$path = preg_replace( '/\(\?P<(\w+)>[^)]+\)/', '{$1}', substr( $route, strlen( '/footprints/v1' ) ) );
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$registered[] = $method . ' ' . $path;
				}
			}
		}
		$registered = array_values( array_unique( array_filter( $registered, static fn( $operation ) => ' ' !== substr( $operation, -1 ) ) ) );

		sort( $documented );
		sort( $registered );
		$this->assertSame( $registered, $documented );
	}
}
