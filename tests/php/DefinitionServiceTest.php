<?php
/**
 * The definitions service without HTTP, as WP-CLI and abilities call it:
 * each rule refuses with its own problem, and writes say what they did.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use Footprints\Definitions\DefinitionProblem;
use Footprints\Definitions\DefinitionRefused;
use Footprints\Definitions\WriteResult;
use function Footprints\plugin;

final class DefinitionServiceTest extends TestCase {

	/**
	 * The problem the call was refused with, or null when it was not.
	 *
	 * @param callable $call Calls the service.
	 */
	private static function problem_of( callable $call ): ?DefinitionProblem {
		try {
			$call();
		} catch ( DefinitionRefused $refused ) {
			return $refused->problem;
		}
		return null;
	}

	public function test_each_rule_refuses_with_its_own_problem(): void {
		$service = plugin()->definition_service();
		plugin()->trigger_counter()->record( array( 'trial_click' => 2 ) );

		$this->assertSame( DefinitionProblem::NotFound, self::problem_of( fn() => $service->get( 'never_defined' ) ) );
		$this->assertSame(
			DefinitionProblem::Invalid,
			self::problem_of(
				fn() => $service->create(
					array(
						'code' => 'Bad Code',
						'name' => 'Bad',
					)
				)
			)
		);
		$this->assertSame(
			DefinitionProblem::CodeReserved,
			self::problem_of(
				fn() => $service->create(
					array(
						'code' => 'form_submission',
						'name' => 'Mine',
					)
				)
			)
		);
		$this->assertSame(
			DefinitionProblem::CodeTaken,
			self::problem_of(
				fn() => $service->create(
					array(
						'code' => 'trial_click',
						'name' => 'Again',
					)
				)
			)
		);
		$this->assertSame( DefinitionProblem::CodeImmutable, self::problem_of( fn() => $service->update( 'trial_click', array( 'code' => 'trial_started' ) ) ) );
		$this->assertSame( DefinitionProblem::SystemEvent, self::problem_of( fn() => $service->update( 'authentication', array( 'name' => 'Logged In' ) ) ) );
		$this->assertSame( DefinitionProblem::HasHistory, self::problem_of( fn() => $service->delete( 'trial_click' ) ) );
		$this->assertSame( 'Trial Started', plugin()->definitions()->find( 'trial_click' )['name'] );
	}

	public function test_a_refusal_names_the_field_to_fix(): void {
		try {
			plugin()->definition_service()->create(
				array(
					'code'  => 'plan_selected',
					'name'  => 'Plan Selected',
					'color' => 'blue',
				)
			);
			$this->fail( 'A color that is not #rrggbb was accepted.' );
		} catch ( DefinitionRefused $refused ) {
			$this->assertSame( 'color', $refused->field );
			$this->assertStringContainsString( 'Use a hex color such as #3858e9.', $refused->getMessage() );
		}
	}

	public function test_create_update_and_delete_answer_with_the_definition(): void {
		$service = plugin()->definition_service();

		$created  = $service->create(
			array(
				'code' => 'plan_selected',
				'name' => '  Plan Selected  ',
			)
		);
		$disabled = $service->set_enabled( 'plan_selected', false );
		$deleted  = $service->delete( 'plan_selected' );

		$this->assertSame( 'Plan Selected', $created['name'], 'the name is trimmed' );
		$this->assertTrue( $created['enabled'] );
		$this->assertFalse( $disabled['enabled'] );
		$this->assertFalse( $deleted['enabled'], 'delete answers with the definition as it was' );
		$this->assertNull( plugin()->definitions()->find( 'plan_selected' ) );
	}

	public function test_repository_writes_tell_nothing_to_do_from_done(): void {
		$repository = plugin()->definitions();
		$definition = array(
			'code' => 'plan_selected',
			'name' => 'Plan Selected',
		);

		$this->assertSame( WriteResult::Written, $repository->add_if_missing( $definition ) );
		$this->assertSame( WriteResult::AlreadyThere, $repository->add_if_missing( $definition ) );
		$this->assertSame( WriteResult::Written, $repository->set_enabled( 'plan_selected', false ) );
		$this->assertSame( WriteResult::NotFound, $repository->set_enabled( 'never_defined', false ) );
		$this->assertSame( WriteResult::Kept, $repository->delete_untriggered( 'authentication' ) );
		$this->assertSame( WriteResult::Written, $repository->delete_untriggered( 'plan_selected' ) );
		$this->assertSame( WriteResult::Kept, $repository->delete_untriggered( 'plan_selected' ) );
	}
}
