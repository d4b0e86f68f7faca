<?php
/**
 * AutomationRules.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * The rules of automations written once, in data/automations.json, for PHP
 * and TypeScript alike: action types and their options, operators, CRM sources, the retry schedule, the
 * settings' bounds and the limits of a rule.
 */
final class AutomationRules {

	public const FILE = '/data/automations.json';

	/**
	 * The file, read once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static ?array $rules = null;

	/**
	 * The action types: webhook, slack, crm.
	 *
	 * @return list<string>
	 */
	public static function action_types(): array {
		return self::strings( 'actionTypes' );
	}

	/**
	 * The action types that take an option (include_brief, ai_draft).
	 *
	 * @param string $option Option name.
	 * @return list<string>
	 */
	public static function option_types( string $option ): array {
		return array_values( array_map( 'strval', (array) ( (array) self::all()['actionOptions'] )[ $option ] ) );
	}

	/**
	 * The condition operators.
	 *
	 * @return list<string>
	 */
	public static function operators(): array {
		return self::strings( 'operators' );
	}

	/**
	 * The fixed CRM field sources (event.code, person.email…).
	 *
	 * @return list<string>
	 */
	public static function crm_sources(): array {
		return self::strings( 'crmSources' );
	}

	/**
	 * The prefixes of named sources (attributes.<name>, traits.<name>).
	 *
	 * @return list<string>
	 */
	public static function crm_source_prefixes(): array {
		return self::strings( 'crmSourcePrefixes' );
	}

	/**
	 * Seconds to wait after the 1st, 2nd… failed attempt; one more failure is final.
	 *
	 * @return list<int>
	 */
	public static function backoff(): array {
		return array_values( array_map( 'intval', (array) self::all()['backoffSeconds'] ) );
	}

	/**
	 * The bounds of one setting: minimum, maximum, default.
	 *
	 * @param string $name pause_after, log_days or log_bodies.
	 * @return array<string, mixed>
	 */
	public static function setting( string $name ): array {
		return (array) ( (array) self::all()['settings'] )[ $name ];
	}

	/**
	 * One limit (nameLength, conditions, timeoutSeconds…).
	 *
	 * @param string $name Key under "limits".
	 */
	public static function limit( string $name ): int {
		return (int) ( (array) self::all()['limits'] )[ $name ];
	}

	/**
	 * A list of strings from the file.
	 *
	 * @param string $key Key.
	 * @return list<string>
	 */
	private static function strings( string $key ): array {
		return array_values( array_map( 'strval', (array) self::all()[ $key ] ) );
	}

	/**
	 * The whole file.
	 *
	 * @return array<string, mixed>
	 */
	private static function all(): array {
		if ( null === self::$rules ) {
			self::$rules = (array) wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) );
		}
		return self::$rules;
	}
}
