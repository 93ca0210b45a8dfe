using System.Text;

namespace Gateway.Fsm;

/// <summary>
/// Renders a machine's declared graph as a Mermaid <c>stateDiagram-v2</c>. Superstates become composite
/// states (their own actions in a note, as Mermaid allows no description on a composite state); each
/// transition is written where Mermaid can render it (see <see cref="CommonContainer"/>).
/// </summary>
internal static class MermaidExporter
{
    public static string Export<TState, TTrigger>(StateGraph<TState, TTrigger> graph)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var mermaid = new StringBuilder();
        mermaid.Append("stateDiagram-v2\n");
        mermaid.Append("    [*] --> ").Append(graph.InitialState.ToString()).Append('\n');
        AppendScope(mermaid, graph, container: null, depth: 1);
        return mermaid.ToString();
    }

    /// <summary>Writes the states directly inside <paramref name="container"/> (the root when null), then its edges.</summary>
    private static void AppendScope<TState, TTrigger>(
        StringBuilder mermaid, StateGraph<TState, TTrigger> graph, StateNode<TState, TTrigger>? container, int depth)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var indent = new string(' ', depth * 4);
        foreach (var node in graph.Nodes)
        {
            if (!ReferenceEquals(node.Superstate, container))
            {
                continue;
            }

            string name = node.State.ToString();
            var lines = GraphLabels.StateLines(node);
            if (node.Substates.Count == 0)
            {
                if (lines.Count == 0)
                {
                    mermaid.Append(indent).Append(name).Append('\n');
                    continue;
                }

                // Mermaid shows a state's first description line as its title, so the name comes first.
                mermaid.Append(indent).Append(name).Append(" : ").Append(name).Append('\n');
                foreach (var line in lines)
                {
                    mermaid.Append(indent).Append(name).Append(" : ").Append(Escape(line)).Append('\n');
                }
            }
            else
            {
                mermaid.Append(indent).Append("state ").Append(name).Append(" {\n");
                AppendScope(mermaid, graph, node, depth + 1);
                mermaid.Append(indent).Append("}\n");
                if (lines.Count == 0)
                {
                    continue;
                }

                // Mermaid rejects descriptions on composite states ("Group nodes can only have label"),
                // so a superstate's actions go into a note beside it.
                mermaid.Append(indent).Append("note right of ").Append(name).Append('\n');
                foreach (var line in lines)
                {
                    mermaid.Append(indent).Append("    ").Append(Escape(line)).Append('\n');
                }

                mermaid.Append(indent).Append("end note\n");
            }
        }

        foreach (var node in graph.Nodes)
        {
            foreach (var behaviour in node.Behaviours)
            {
                if (!GraphLabels.IsEdge(behaviour))
                {
                    continue;
                }

                var destination = behaviour.Kind == BehaviourKind.Reentry ? node : graph.NodeOf(behaviour.Destination);
                if (ReferenceEquals(CommonContainer(node, destination), container))
                {
                    mermaid.Append(indent).Append(node.State.ToString()).Append(" --> ").Append(destination.State.ToString())
                        .Append(" : ").Append(Escape(GraphLabels.Edge(behaviour))).Append('\n');
                }
            }
        }
    }

    /// <summary>
    /// Where Mermaid accepts the edge: the innermost superstate strictly containing both states, except
    /// that an edge between a composite state and its own substate (or a composite's self-loop) must be
    /// written at the root — inside a composite, Mermaid 11 fails to render it ("would create a cycle",
    /// "No such shape: roundedWithTitle"). Null means the root.
    /// </summary>
    private static StateNode<TState, TTrigger>? CommonContainer<TState, TTrigger>(
        StateNode<TState, TTrigger> source, StateNode<TState, TTrigger> destination)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        bool selfLoop = ReferenceEquals(source, destination);
        if (selfLoop ? source.Substates.Count > 0 : source.IsOrDescendsFrom(destination) || destination.IsOrDescendsFrom(source))
        {
            return null;
        }

        for (var candidate = source.Superstate; candidate is not null; candidate = candidate.Superstate)
        {
            if (destination.IsOrDescendsFrom(candidate) && !ReferenceEquals(destination, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Mermaid ends a statement at ';' and reads '#...;' as an entity, so both are replaced by their entity codes.
    /// </summary>
    private static string Escape(string text)
    {
        var line = GraphLabels.SingleLine(text);
        if (line.IndexOfAny(['#', ';']) < 0)
        {
            return line;
        }

        var escaped = new StringBuilder(line.Length + 8);
        foreach (char c in line)
        {
            escaped.Append(c switch
            {
                '#' => "#35;",
                ';' => "#59;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
