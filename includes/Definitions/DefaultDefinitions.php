<?php
/**
 * DefaultDefinitions.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * The definition a new site starts with, so the demo page and a first
 * block work the moment the plugin is activated.
 */
final class DefaultDefinitions {

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository $definitions Stored definitions.
	 */
	public function __construct( private DefinitionRepository $definitions ) {}

	/**
	 * Adds the starter definition unless it exists (an admin may have changed it).
	 */
	public function seed(): void {
		$this->definitions->add_if_missing(
			array(
				'code'        => 'trial_click',
				'name'        => 'Trial Started',
				'color'       => '#3858e9',
				'description' => 'A visitor clicked a call to action that starts a free trial.',
				'attributes'  => array( 'source' => 'string' ),
			)
		);
	}
}
