using System.Text;

namespace Gateway.Fsm;

/// <summary>
/// Renders a machine's declared graph as Graphviz DOT. Superstates become clusters; an invisible anchor
/// node inside a cluster carries the superstate's own edges, clipped to the cluster border with
/// <c>ltail</c>/<c>lhead</c> (which needs <c>compound=true</c>).
/// </summary>
internal static class DotGraphExporter
{
    private const string InitialNode = "__initial";

    public static string Export<TState, TTrigger>(StateGraph<TState, TTrigger> graph)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var anchored = SuperstatesWithEdges(graph);
        var dot = new StringBuilder();
        dot.Append("digraph ").Append(Quote(typeof(TState).Name)).Append(" {\n");
        dot.Append("\tcompound=true;\n");
        dot.Append("\trankdir=LR;\n");
        dot.Append("\tnode [shape=Mrecord];\n");
        dot.Append('\t').Append(InitialNode).Append(" [label=\"\", shape=point];\n");

        foreach (var node in graph.Nodes)
        {
            if (node.Superstate is null)
            {
                AppendState(dot, node, anchored, 1);
            }
        }

        dot.Append('\n');
        var initial = graph.NodeOf(graph.InitialState);
        dot.Append('\t').Append(InitialNode).Append(" -> ").Append(Quote(initial.State.ToString()));
        if (initial.Substates.Count > 0)
        {
            dot.Append(" [lhead=").Append(Quote(ClusterName(initial))).Append(']');
        }

        dot.Append(";\n");

        foreach (var node in graph.Nodes)
        {
            foreach (var behaviour in node.Behaviours)
            {
                if (GraphLabels.IsEdge(behaviour))
                {
                    var destination = behaviour.Kind == BehaviourKind.Reentry ? node : graph.NodeOf(behaviour.Destination);
                    AppendEdge(dot, node, destination, GraphLabels.Edge(behaviour));
                }
            }
        }

        dot.Append("}\n");
        return dot.ToString();
    }

    private static void AppendState<TState, TTrigger>(
        StringBuilder dot, StateNode<TState, TTrigger> node, HashSet<int> anchored, int depth)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        string name = node.State.ToString();
        var lines = GraphLabels.StateLines(node);
        var indent = new string('\t', depth);
        if (node.Substates.Count == 0)
        {
            dot.Append(indent).Append(Quote(name)).Append(" [label=\"").Append(EscapeRecord(name));
            if (lines.Count > 0)
            {
                dot.Append('|');
                foreach (var line in lines)
                {
                    dot.Append(EscapeRecord(line)).Append("\\l");
                }
            }

            dot.Append("\"];\n");
            return;
        }

        dot.Append(indent).Append("subgraph ").Append(Quote(ClusterName(node))).Append(" {\n");
        dot.Append(indent).Append("\tlabel=\"").Append(EscapeString(name)).Append("\\n");
        foreach (var line in lines)
        {
            dot.Append(EscapeString(line)).Append("\\l");
        }

        dot.Append("\";\n");
        if (anchored.Contains(node.Index))
        {
            dot.Append(indent).Append('\t').Append(Quote(name))
                .Append(" [label=\"\", shape=point, style=invis, width=0, height=0];\n");
        }

        foreach (var substate in node.Substates)
        {
            AppendState(dot, substate, anchored, depth + 1);
        }

        dot.Append(indent).Append("}\n");
    }

    private static void AppendEdge<TState, TTrigger>(
        StringBuilder dot, StateNode<TState, TTrigger> source, StateNode<TState, TTrigger> destination, string label)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        dot.Append('\t').Append(Quote(source.State.ToString())).Append(" -> ").Append(Quote(destination.State.ToString()))
            .Append(" [label=\"").Append(EscapeString(label)).Append('"');

        // Clip at a cluster border only when the other end is outside that cluster; Graphviz rejects
        // an edge clipped to a cluster that contains both ends.
        if (source.Substates.Count > 0 && !destination.IsOrDescendsFrom(source))
        {
            dot.Append(", ltail=").Append(Quote(ClusterName(source)));
        }

        if (destination.Substates.Count > 0 && !source.IsOrDescendsFrom(destination))
        {
            dot.Append(", lhead=").Append(Quote(ClusterName(destination)));
        }

        dot.Append("];\n");
    }

    /// <summary>Superstates that are an edge end (or the initial state) and so need an anchor node.</summary>
    private static HashSet<int> SuperstatesWithEdges<TState, TTrigger>(StateGraph<TState, TTrigger> graph)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var anchored = new HashSet<int>();
        void Mark(StateNode<TState, TTrigger> node)
        {
            if (node.Substates.Count > 0)
            {
                anchored.Add(node.Index);
            }
        }

        Mark(graph.NodeOf(graph.InitialState));
        foreach (var node in graph.Nodes)
        {
            foreach (var behaviour in node.Behaviours)
            {
                if (GraphLabels.IsEdge(behaviour))
                {
                    Mark(node);
                    if (behaviour.Kind == BehaviourKind.Transition)
                    {
                        Mark(graph.NodeOf(behaviour.Destination));
                    }
                }
            }
        }

        return anchored;
    }

    private static string ClusterName<TState, TTrigger>(StateNode<TState, TTrigger> node)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        "cluster_" + node.State;

    private static string Quote(string id) => "\"" + EscapeString(id) + "\"";

    private static string EscapeString(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in GraphLabels.SingleLine(text))
        {
            if (c is '"' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Record labels also give meaning to braces, bars and angle brackets.</summary>
    private static string EscapeRecord(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (char c in GraphLabels.SingleLine(text))
        {
            if (c is '"' or '\\' or '{' or '}' or '|' or '<' or '>')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
