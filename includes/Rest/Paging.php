<?php
/**
 * Paging.
 *
 * @package Footprints
 */

namespace Footprints\Rest;

/**
 * The per_page and page arguments of list routes, and the X-WP-Total
 * headers of their answers, as WordPress' own collections have them.
 */
final class Paging {

	/**
	 * The arguments.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function args(): array {
		return array(
			'per_page' => array(
				'description' => __( 'Items per page.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 100,
				'default'     => 20,
			),
			'page'     => array(
				'description' => __( 'Page number, from 1.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'default'     => 1,
			),
		);
	}

	/**
	 * A list answer with the total and the page count in its headers.
	 *
	 * @param array<int, mixed> $items    This page.
	 * @param int               $total    Matches in all pages.
	 * @param int               $per_page Items per page.
	 */
	public static function response( array $items, int $total, int $per_page ): \WP_REST_Response {
		$response = new \WP_REST_Response( $items );
		$response->header( 'X-WP-Total', (string) $total );
		$response->header( 'X-WP-TotalPages', (string) (int) ceil( $total / max( 1, $per_page ) ) );
		return $response;
	}
}
