using System.Text;

namespace Gateway.Fsm;

/// <summary>
/// The wording shared by both exporters, so a DOT and a Mermaid diagram of one machine read the same.
/// UML style: "Trigger [guard]" on edges, "entry / action", "Trigger / action" for internal transitions.
/// </summary>
internal static class GraphLabels
{
    /// <summary>The label of a transition or re-entry edge.</summary>
    public static string Edge<TState, TTrigger>(BehaviourDefinition<TState, TTrigger> behaviour)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        TriggerWithGuard(behaviour);

    /// <summary>
    /// The lines listed inside a state: entry actions, exit actions, then internal transitions and ignored
    /// triggers, each group in declaration order.
    /// </summary>
    public static List<string> StateLines<TState, TTrigger>(StateNode<TState, TTrigger> node)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var lines = new List<string>();
        foreach (var action in node.EntryActions)
        {
            lines.Add(action.HasTrigger
                ? $"entry from {action.FromTrigger} / {ActionText(action.Description)}"
                : $"entry / {ActionText(action.Description)}");
        }

        foreach (var action in node.ExitActions)
        {
            lines.Add($"exit / {ActionText(action.Description)}");
        }

        foreach (var behaviour in node.Behaviours)
        {
            if (behaviour.Kind == BehaviourKind.Internal)
            {
                lines.Add($"{TriggerWithGuard(behaviour)} / {ActionText(behaviour.ActionDescription)}");
            }
            else if (behaviour.Kind == BehaviourKind.Ignore)
            {
                lines.Add($"{TriggerWithGuard(behaviour)} / (ignored)");
            }
        }

        return lines;
    }

    /// <summary>True for the behaviours drawn as edges rather than listed inside the state.</summary>
    public static bool IsEdge<TState, TTrigger>(BehaviourDefinition<TState, TTrigger> behaviour)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        behaviour.Kind is BehaviourKind.Transition or BehaviourKind.Reentry;

    /// <summary>Descriptions are free text; a line break would break both output formats.</summary>
    public static string SingleLine(string text)
    {
        if (text.IndexOfAny(['\r', '\n']) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }

    private static string TriggerWithGuard<TState, TTrigger>(BehaviourDefinition<TState, TTrigger> behaviour)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        behaviour.GuardDescription is null
            ? behaviour.Trigger.ToString()
            : $"{behaviour.Trigger} [{SingleLine(behaviour.GuardDescription)}]";

    private static string ActionText(string? description) =>
        description is null ? "(action)" : SingleLine(description);
}
