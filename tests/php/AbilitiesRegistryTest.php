<?php
/**
 * Every Footprints ability: registered in the footprints category with
 * input and output schemas agents can read, its annotations set, marked
 * for the MCP adapter when it only reads, refused to users without its
 * capability, and named in docs/abilities.md.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

final class AbilitiesRegistryTest extends TestCase {

	// Each ability with an input that passes its schema, and who may run it.
	private const ABILITIES = array(
		'footprints/list-events'            => array( array(), 'edit_posts' ),
		'footprints/get-event'              => array( array( 'code' => 'trial_click' ), 'edit_posts' ),
		'footprints/list-event-definitions' => array( array( 'search' => 'trial' ), 'edit_posts' ),
		'footprints/get-lead-journey'       => array( array( 'device_id' => 'device_0001' ), 'footprints_view_insights' ),
		'footprints/get-lead-brief'         => array( array( 'device_id' => 'device_0001' ), 'footprints_view_insights' ),
		'footprints/get-insights'           => array( array( 'range' => '7d' ), 'footprints_view_insights' ),
		'footprints/compare-paths'          => array(
			array(
				'a' => 'trial_click',
				'b' => 'trial_click',
			),
			'footprints_view_insights',
		),
		'footprints/track-event'            => array( array( 'code' => 'trial_click' ), 'manage_options' ),
	);

	// The JSON Schema types (draft 4).
	private const TYPES = array( 'string', 'number', 'integer', 'boolean', 'object', 'array', 'null' );

	/**
	 * The plugin's abilities as registered, by name.
	 *
	 * @return array<string, \WP_Ability>
	 */
	private static function registered(): array {
		$ours = array();
		foreach ( wp_get_abilities() as $ability ) {
			if ( str_starts_with( $ability->get_name(), 'footprints/' ) ) {
				$ours[ $ability->get_name() ] = $ability;
			}
		}
		ksort( $ours );
		return $ours;
	}

	public function test_every_ability_is_registered_in_the_footprints_category_and_no_other(): void {
		$names = array_keys( self::ABILITIES );
		sort( $names );

		$this->assertSame( $names, array_keys( self::registered() ) );
		foreach ( self::registered() as $name => $ability ) {
			$this->assertSame( 'footprints', $ability->get_category(), $name );
			$this->assertTrue( $ability->get_meta_item( 'show_in_rest' ), "$name is in wp-abilities/v1" );
		}
		$this->assertInstanceOf( \WP_Ability_Category::class, wp_get_ability_category( 'footprints' ) );
	}

	public function test_reads_are_read_only_idempotent_and_public_to_agents_and_tracking_adds(): void {
		foreach ( self::registered() as $name => $ability ) {
			$meta  = $ability->get_meta();
			$reads = 'footprints/track-event' !== $name;
			$this->assertSame(
				array(
					'readonly'    => $reads,
					'destructive' => false,
					'idempotent'  => $reads,
				),
				$meta['annotations'],
				$name
			);
			$this->assertSame( $reads, $meta['public'], "$name: core's public flag" );
			$this->assertSame( $reads, $meta['mcp']['public'], "$name: the MCP adapter's flag" );
		}
	}

	public function test_input_and_output_schemas_are_json_schemas_agents_can_read(): void {
		foreach ( self::registered() as $name => $ability ) {
			$input  = $ability->get_input_schema();
			$output = $ability->get_output_schema();

			$this->assertSame( 'object', $input['type'], "$name input" );
			$this->assertFalse( $input['additionalProperties'], "$name input takes only its own properties" );
			$this->assertSame( 'object', $output['type'], "$name output" );
			$this->assertSame( array(), self::schema_problems( $input, "$name input" ) );
			$this->assertSame( array(), self::schema_problems( $output, "$name output" ) );
			$this->assertSame( array(), JsonSchemaCheck::problems( self::ABILITIES[ $name ][0], $input ), "$name: the test's input is valid" );
		}
	}

	public function test_a_subscriber_is_refused_every_ability_and_an_editor_tracking(): void {
		$this->log_in_as( 'subscriber' );
		foreach ( self::ABILITIES as $name => list( $input ) ) {
			$refused = wp_get_ability( $name )->execute( $input );
			$this->assertInstanceOf( \WP_Error::class, $refused, $name );
			$this->assertSame( 'ability_invalid_permissions', $refused->get_error_code(), $name );
		}

		$this->log_in_as( 'editor' );
		$this->assertTrue( wp_get_ability( 'footprints/list-event-definitions' )->check_permissions( array() ) );
		$this->assertFalse( wp_get_ability( 'footprints/get-lead-journey' )->check_permissions( array() ) );
		$this->assertSame( 'ability_invalid_permissions', wp_get_ability( 'footprints/track-event' )->execute( self::ABILITIES['footprints/track-event'][0] )->get_error_code() );
		$this->assertSame( 0, \Footprints\plugin()->events()->query( array( 'event' => 'trial_click' ) )['total'] );
	}

	public function test_each_ability_runs_for_the_capability_it_documents(): void {
		foreach ( self::ABILITIES as $name => list( $input, $capability ) ) {
			$this->log_in_as( 'subscriber' );
			wp_get_current_user()->add_cap( $capability );

			$this->assertTrue( wp_get_ability( $name )->check_permissions( $input ), "$name for $capability" );
		}
	}

	public function test_docs_abilities_md_names_every_ability_and_its_inputs(): void {
		$doc = (string) file_get_contents( dirname( __DIR__, 2 ) . '/docs/abilities.md' );
		foreach ( self::registered() as $name => $ability ) {
			$this->assertMatchesRegularExpression( '/^## `' . preg_quote( $name, '/' ) . '`$/m', $doc, "docs/abilities.md has a section for $name" );
			$section = explode( "\n## ", explode( "## `$name`", $doc, 2 )[1] )[0];
			foreach ( array_keys( $ability->get_input_schema()['properties'] ?? array() ) as $property ) {
				$this->assertStringContainsString( "`$property`", $section, "docs/abilities.md: $name's input $property" );
			}
			foreach ( array_keys( $ability->get_output_schema()['properties'] ?? array() ) as $property ) {
				$this->assertStringContainsString( "`$property`", $section, "docs/abilities.md: $name's output $property" );
			}
			$this->assertStringContainsStringIgnoringCase( $ability->get_meta()['annotations']['readonly'] ? 'read-only;' : 'not read-only', $section, $name );
		}
	}

	/**
	 * What in a schema no JSON Schema reader (WordPress' validator, the
	 * MCP adapter, an agent) would take: a node without a known type, a
	 * draft-3 `required: true`, a required property it does not define, a
	 * pattern that does not compile, a default its own schema refuses.
	 *
	 * @param array<string, mixed> $schema A schema.
	 * @param string               $at     Where it is.
	 * @return list<string>
	 */
	private static function schema_problems( array $schema, string $at ): array {
		$problems = array();
		$types    = (array) ( $schema['type'] ?? array() );
		if ( ! $types || array_diff( $types, self::TYPES ) ) {
			$problems[] = "$at: type " . wp_json_encode( $schema['type'] ?? null );
		}
		if ( isset( $schema['required'] ) && ( ! is_array( $schema['required'] ) || array_diff( $schema['required'], array_keys( (array) ( $schema['properties'] ?? array() ) ) ) ) ) {
			$problems[] = "$at: required " . wp_json_encode( $schema['required'] );
		}
		if ( isset( $schema['pattern'] ) && false === @preg_match( '/' . str_replace( '/', '\/', $schema['pattern'] ) . '/u', '' ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a bad pattern is the finding.
			$problems[] = "$at: pattern {$schema['pattern']}";
		}
		if ( array_key_exists( 'default', $schema ) && ! in_array( $schema['default'], array( '', array() ), true ) && JsonSchemaCheck::problems( $schema['default'], $schema ) ) {
			$problems[] = "$at: default " . wp_json_encode( $schema['default'] );
		}
		foreach ( (array) ( $schema['properties'] ?? array() ) as $name => $property ) {
			$problems = array_merge( $problems, self::schema_problems( (array) $property, "$at.$name" ) );
		}
		foreach ( array( 'items', 'additionalProperties' ) as $keyword ) {
			if ( is_array( $schema[ $keyword ] ?? null ) ) {
				$problems = array_merge( $problems, self::schema_problems( $schema[ $keyword ], "$at.$keyword" ) );
			}
		}
		foreach ( (array) ( $schema['patternProperties'] ?? array() ) as $pattern => $property ) {
			$problems = array_merge( $problems, self::schema_problems( (array) $property, "$at.$pattern" ) );
		}
		return $problems;
	}
}
