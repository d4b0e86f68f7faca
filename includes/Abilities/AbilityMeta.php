<?php
/**
 * AbilityMeta.
 *
 * @package Footprints
 */

namespace Footprints\Abilities;

/**
 * The meta every Footprints ability carries, written once: its
 * annotations (all three set, so no client has to guess what null means),
 * shown in the REST API (wp-abilities/v1), and whether agents may find it.
 *
 * Readings are public: core's `meta.public` (WordPress 7.1) and the MCP
 * adapter's `meta.mcp.public`, which the adapter reads first and falls
 * back to `meta.public` without (WordPress/mcp-adapter,
 * McpAbilityExposure::is_meta_public()). Both are set, so the adapters
 * built for 6.9 and 7.0, which read only `meta.mcp.public`, find them too.
 * Writes are not offered to agents unless the site owner exposes them.
 */
final class AbilityMeta {

	public const CATEGORY = 'footprints';

	/**
	 * Reads that change nothing: GET on wp-abilities/v1, public to agents.
	 *
	 * @return array{annotations: array{readonly: bool, destructive: bool, idempotent: bool}, show_in_rest: bool, public: bool, mcp: array{public: bool, type: string}}
	 */
	public static function reading(): array {
		return self::meta( true );
	}

	/**
	 * A write that adds (a tracked event): POST on wp-abilities/v1; each
	 * call adds one more, and nothing is overwritten or removed.
	 *
	 * @return array{annotations: array{readonly: bool, destructive: bool, idempotent: bool}, show_in_rest: bool, public: bool, mcp: array{public: bool, type: string}}
	 */
	public static function adding(): array {
		return self::meta( false );
	}

	/**
	 * The meta of a read or of an adding write. No Footprints ability
	 * overwrites or removes, so none is destructive; a read is idempotent,
	 * an addition is not.
	 *
	 * @param bool $reads Whether the ability only reads.
	 * @return array{annotations: array{readonly: bool, destructive: bool, idempotent: bool}, show_in_rest: bool, public: bool, mcp: array{public: bool, type: string}}
	 */
	private static function meta( bool $reads ): array {
		return array(
			'annotations'  => array(
				'readonly'    => $reads,
				'destructive' => false,
				'idempotent'  => $reads,
			),
			'show_in_rest' => true,
			'public'       => $reads,
			'mcp'          => array(
				'public' => $reads,
				'type'   => 'tool',
			),
		);
	}
}
