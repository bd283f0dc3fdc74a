namespace AiSoc.Narratives;

/// <summary>
/// A response action that the policy's plan proposes for an incident. A narrative may recommend only these actions;
/// approving or running them stays with the policy and the analyst.
/// </summary>
/// <param name="ActionType">The action's type, such as <c>isolate-device</c> or <c>disable-account</c>.</param>
/// <param name="Target">The entity the action applies to, such as a device name or a user principal name.</param>
/// <param name="Impact">What the action changes for users or systems, in one sentence.</param>
public sealed record ProposedAction(string ActionType, string Target, string Impact);
