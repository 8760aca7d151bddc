package org.optjit.train;

import java.util.List;
import org.optjit.Rule;

/**
 * Which hyperparameter is a rule's learning rate, the one the rate controller turns down or
 * up (lecture 6a) when the user names none. Rules are named the way their sources name
 * them: the lecture's and Sutskever et al.'s (2013) call the learning rate {@code eps}
 * ({@code v = mu*v - eps*g}); the modern rules keep their papers' and libraries' {@code lr}
 * (where {@code eps} is Adam's numerical epsilon, never a learning rate). Hence:
 * {@code lr} when the rule has one, otherwise {@code eps}.
 */
public final class LearningRate {

    /** The modern rules' name (Adam, AdaGrad, Lion, ... and PyTorch). */
    public static final String LR = "lr";

    /** The name of lecture 6 and Sutskever et al. 2013. */
    public static final String EPS = "eps";

    /** How the default reads in help texts and error messages. */
    public static final String DEFAULT_DESCRIPTION = "the rule's learning rate: lr, or eps when the rule has no lr";

    private LearningRate() {
    }

    /**
     * {@code explicit} when it is given (an explicit choice always wins), else the learning
     * rate among {@code names}; {@code lr} when the rule has neither, so that the caller's
     * check names the missing hyperparameter and lists the ones the rule has.
     */
    public static String resolve(String explicit, List<String> names) {
        if (explicit != null) {
            return explicit;
        }
        return names.contains(LR) || !names.contains(EPS) ? LR : EPS;
    }

    /** {@link #resolve} for the hyperparameters {@code rule} declares or infers. */
    public static String of(Rule rule, String explicit) {
        return resolve(explicit, rule.hyperparameters().stream().map(Rule.Hyperparameter::name).toList());
    }
}
