<?php
/**
 * What the automation tests share: the plan_selected event they send, and
 * a rule made through the service as the REST route makes it.
 *
 * @package Footprints
 */

namespace Footprints\Tests;

use function Footprints\plugin;

trait AutomationFixtures {

	/**
	 * Defines plan_selected with a text plan, a number price and a boolean trial.
	 */
	private function define_plan_selected(): void {
		$this->define_event(
			'plan_selected',
			array(
				'plan'  => 'string',
				'price' => 'number',
				'trial' => 'boolean',
			)
		);
	}

	/**
	 * Adds a rule; returns it as created (with a webhook's secret).
	 *
	 * @param string                     $event      Event code.
	 * @param array<string, mixed>       $action     The action.
	 * @param list<array<string, mixed>> $conditions Conditions.
	 * @param string                     $name       Its name.
	 * @return array<string, mixed>
	 */
	private function add_rule( string $event, array $action, array $conditions = array(), string $name = 'To the receiver' ): array {
		$rule = plugin()->automation_rules()->create(
			array(
				'name'       => $name,
				'event'      => $event,
				'conditions' => $conditions,
				'action'     => $action,
			)
		);
		$this->assertIsArray( $rule, is_wp_error( $rule ) ? $rule->get_error_message() : '' );
		return $rule;
	}

	/**
	 * POSTs a rule on plan_selected through REST as an administrator; the answer.
	 *
	 * @param array<string, mixed> $action The action.
	 * @param string               $name   Its name.
	 */
	private function post_rule( array $action, string $name = 'Posted rule' ): \WP_REST_Response {
		$this->log_in_as( 'administrator' );
		return $this->rest(
			'POST',
			'/footprints/v1/automations',
			array(
				'name'   => $name,
				'event'  => 'plan_selected',
				'action' => $action,
			)
		);
	}

	/**
	 * Adds a webhook rule to a URL; returns it as created, with its secret.
	 *
	 * @param string $event Event code.
	 * @param string $url   URL.
	 * @return array<string, mixed>
	 */
	private function add_webhook( string $event, string $url ): array {
		return $this->add_rule(
			$event,
			array(
				'type' => 'webhook',
				'url'  => $url,
			)
		);
	}
}
