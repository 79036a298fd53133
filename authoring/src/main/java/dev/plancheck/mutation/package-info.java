/** Rule mutation testing: weaken each condition of each rule in turn and see whether the rule's scenarios notice. */
package dev.plancheck.mutation;
