<?php
/**
 * ExportParams.
 *
 * @package Footprints
 */

namespace Footprints\Insights\Export;

/**
 * Checks an export's query parameters against its view's args(), the way
 * register_rest_route() checks a route's: each known one validated and
 * sanitized by its schema (and its validate_callback / sanitize_callback
 * when it has them), defaults filled in, required ones present, and
 * any other one refused, so a typo ("form" for "from") is an error rather
 * than a silently larger file.
 */
final class ExportParams {

	/**
	 * Parameters that belong to the export route or to WordPress, not to the view.
	 */
	private const ROUTE_PARAMS = array( 'view', 'rest_route' );

	/**
	 * The view's parameters, validated, or a 400 naming the first wrong one.
	 *
	 * @param ExportableView       $view  The view.
	 * @param array<string, mixed> $query The request's query parameters.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function validate( ExportableView $view, array $query ) {
		$args = $view->args();
		foreach ( array_keys( $query ) as $name ) {
			$name = (string) $name;
			// WordPress' own (_wpnonce, _locale, _fields...) start with an underscore.
			if ( ! isset( $args[ $name ] ) && ! in_array( $name, self::ROUTE_PARAMS, true ) && ! str_starts_with( $name, '_' ) ) {
				return self::error(
					$name,
					/* translators: 1: parameter, 2: view, 3: the parameters it takes */
					sprintf( __( 'The export "%2$s" takes no parameter "%1$s". It takes: %3$s.', 'footprints' ), $name, $view->name(), $args ? implode( ', ', array_keys( $args ) ) : __( 'none', 'footprints' ) )
				);
			}
		}
		$params = array();
		foreach ( $args as $name => $schema ) {
			if ( ! array_key_exists( $name, $query ) ) {
				if ( ! empty( $schema['required'] ) ) {
					/* translators: 1: parameter, 2: view */
					return self::error( $name, sprintf( __( 'The export "%2$s" needs the parameter "%1$s".', 'footprints' ), $name, $view->name() ) );
				}
				if ( array_key_exists( 'default', $schema ) ) {
					$params[ $name ] = $schema['default'];
				}
				continue;
			}
			$valid = rest_validate_value_from_schema( $query[ $name ], $schema, $name );
			if ( ! is_wp_error( $valid ) && isset( $schema['validate_callback'] ) && is_callable( $schema['validate_callback'] ) ) {
				$valid = call_user_func( $schema['validate_callback'], $query[ $name ], self::request( $query ), $name );
			}
			if ( is_wp_error( $valid ) || false === $valid ) {
				/* translators: %s: parameter */
				return self::error( $name, is_wp_error( $valid ) ? $valid->get_error_message() : sprintf( __( '%s is not valid.', 'footprints' ), $name ) );
			}
			$params[ $name ] = isset( $schema['sanitize_callback'] ) && is_callable( $schema['sanitize_callback'] )
				? call_user_func( $schema['sanitize_callback'], $query[ $name ], self::request( $query ), $name )
				: rest_sanitize_value_from_schema( $query[ $name ], $schema, $name );
		}//end foreach
		return $params;
	}

	/**
	 * The query as a request, for the validate and sanitize callbacks an
	 * argument may have (they compare one parameter with another).
	 *
	 * @param array<string, mixed> $query The query parameters.
	 */
	private static function request( array $query ): \WP_REST_Request {
		$request = new \WP_REST_Request( 'GET' );
		$request->set_query_params( $query );
		return $request;
	}

	/**
	 * A 400 that names the parameter, in the shape WordPress gives its own.
	 *
	 * @param string $name    The parameter.
	 * @param string $message What is wrong and how to fix it.
	 */
	public static function error( string $name, string $message ): \WP_Error {
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: what is wrong */
			sprintf( __( 'Invalid parameter: %s', 'footprints' ), $message ),
			array(
				'status' => 400,
				'params' => array( $name => $message ),
			)
		);
	}
}
