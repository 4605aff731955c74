using System.Text;

namespace EgressInfra.Cli.Tests.Workflows;

/// <summary>
/// Splits a workflow's <c>run:</c> script into simple commands, as far as a reviewer of these scripts
/// needs: line continuations, quotes, <c>${{ }}</c> expressions, comments, the separators
/// <c>; &amp;&amp; || |</c>, redirections (dropped with their targets) and leading assignments.
/// </summary>
internal static class ShellScript
{
    private static readonly string[] Separators = [";", "&&", "||", "|", "&"];
    private static readonly string[] Operators = ["&&", "||", ">>", "&>", ";", "|", "&", ">", "<"];
    private static readonly string[] Redirections = [">", ">>", "<", "2>", "2>>", "&>"];

    public static IReadOnlyList<IReadOnlyList<string>> Commands(string script)
    {
        var commands = new List<IReadOnlyList<string>>();
        foreach (var line in script.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n'))
        {
            var current = new List<string>();
            var tokens = Tokenize(line);
            for (var i = 0; i < tokens.Count; i++)
            {
                var (token, quoted) = tokens[i];
                if (!quoted && Separators.Contains(token))
                {
                    Flush(commands, current);
                    continue;
                }

                if (!quoted && (Redirections.Contains(token) || token == "2>&1"))
                {
                    i += token == "2>&1" ? 0 : 1;
                    continue;
                }

                if (current.Count == 0 && !quoted && IsAssignment(token))
                {
                    continue;
                }

                current.Add(token);
            }

            Flush(commands, current);
        }

        return commands;
    }

    private static void Flush(List<IReadOnlyList<string>> commands, List<string> current)
    {
        if (current.Count > 0)
        {
            commands.Add([.. current]);
            current.Clear();
        }
    }

    private static bool IsAssignment(string token)
    {
        var eq = token.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && token[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }

    private static List<(string Token, bool Quoted)> Tokenize(string line)
    {
        var tokens = new List<(string, bool)>();
        var sb = new StringBuilder();
        var quoted = false;
        var i = 0;
        void End()
        {
            if (sb.Length > 0 || quoted)
            {
                tokens.Add((sb.ToString(), quoted));
            }

            sb.Clear();
            quoted = false;
        }

        while (i < line.Length)
        {
            var c = line[i];
            if (line.AsSpan(i).StartsWith("${{"))
            {
                var close = line.IndexOf("}}", i, StringComparison.Ordinal);
                var end = close < 0 ? line.Length : close + 2;
                sb.Append(line, i, end - i);
                i = end;
            }
            else if (c is '\'' or '"')
            {
                var close = line.IndexOf(c, i + 1);
                var end = close < 0 ? line.Length : close;
                sb.Append(line, i + 1, end - i - 1);
                quoted = true;
                i = end + 1;
            }
            else if (char.IsWhiteSpace(c))
            {
                End();
                i++;
            }
            else if (c == '#' && sb.Length == 0)
            {
                break;
            }
            else if (c is ';' or '|' or '&' or '>' or '<')
            {
                var prefix = c == '>' && sb.ToString() == "2" ? "2" : string.Empty;
                if (prefix.Length > 0)
                {
                    sb.Clear();
                }

                End();
                var rest = line[i..];
                if (prefix.Length > 0 && rest.StartsWith(">&1", StringComparison.Ordinal))
                {
                    tokens.Add(("2>&1", false));
                    i += 3;
                    continue;
                }

                var op = Operators.First(o => rest.StartsWith(o, StringComparison.Ordinal));
                tokens.Add((prefix + op, false));
                i += op.Length;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        End();
        return tokens;
    }
}
