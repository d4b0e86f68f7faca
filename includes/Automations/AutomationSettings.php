<?php
/**
 * AutomationSettings.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * The site owner's automation choices: after how many failed attempts in a
 * row a rule is paused, how many days the delivery log is kept, and
 * whether the log keeps request and response bodies (debugging; off by
 * default, since bodies carry personal data).
 */
final class AutomationSettings {

	public const OPTION = 'footprints_automations_settings';

	/**
	 * The settings' JSON schema (REST arguments and answer).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$pause = AutomationRules::setting( 'pause_after' );
		$days  = AutomationRules::setting( 'log_days' );
		return array(
			'pause_after' => array(
				'description' => __( 'Failed delivery attempts in a row after which a rule is paused.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => (int) $pause['minimum'],
				'maximum'     => (int) $pause['maximum'],
			),
			'log_days'    => array(
				'description' => __( 'Days the delivery log is kept.', 'footprints' ),
				'type'        => 'integer',
				'minimum'     => (int) $days['minimum'],
				'maximum'     => (int) $days['maximum'],
			),
			'log_bodies'  => array(
				'description' => __( 'Whether the log keeps request and response bodies (for debugging; they may hold personal data).', 'footprints' ),
				'type'        => 'boolean',
			),
		);
	}

	/**
	 * The current settings.
	 *
	 * @return array{pause_after: int, log_days: int, log_bodies: bool}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION, array() );
		return self::clean( is_array( $stored ) ? $stored : array() );
	}

	/**
	 * Saves the given settings over the current ones; returns them all.
	 *
	 * @param array<string, mixed> $changes Settings to change (already validated by the schema).
	 * @return array{pause_after: int, log_days: int, log_bodies: bool}
	 */
	public function save( array $changes ): array {
		$settings = self::clean( array_intersect_key( $changes, self::properties() ) + $this->get() );
		update_option( self::OPTION, $settings, true );
		return $settings;
	}

	/**
	 * Failed attempts in a row that pause a rule.
	 */
	public function pause_after(): int {
		return $this->get()['pause_after'];
	}

	/**
	 * Days the log is kept.
	 */
	public function log_days(): int {
		return $this->get()['log_days'];
	}

	/**
	 * Whether the log keeps bodies.
	 */
	public function log_bodies(): bool {
		return $this->get()['log_bodies'];
	}

	/**
	 * Each setting within its bounds, the default where missing or out of bounds.
	 *
	 * @param array<string, mixed> $settings Stored or merged settings.
	 * @return array{pause_after: int, log_days: int, log_bodies: bool}
	 */
	private static function clean( array $settings ): array {
		$number = static function ( string $name ) use ( $settings ): int {
			$bounds = AutomationRules::setting( $name );
			$value  = $settings[ $name ] ?? null;
			$value  = is_numeric( $value ) ? (int) $value : 0;
			return $value >= (int) $bounds['minimum'] && $value <= (int) $bounds['maximum'] ? $value : (int) $bounds['default'];
		};
		return array(
			'pause_after' => $number( 'pause_after' ),
			'log_days'    => $number( 'log_days' ),
			'log_bodies'  => (bool) ( $settings['log_bodies'] ?? AutomationRules::setting( 'log_bodies' )['default'] ),
		);
	}
}
