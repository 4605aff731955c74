namespace EgressInfra.Core.Validation.VirtualServices;

/// <summary>
/// Envoy's custom header value syntax as Istio checks it (validateHeaderValue): literal text, "%%" for
/// a percent sign, and %VARIABLE% or %VARIABLE(["arg", ...])% expressions that must be closed.
/// </summary>
public static class HeaderValueSyntax
{
    private enum State
    {
        Literal,
        VariableName,
        ExpectArray,
        ExpectString,
        InString,
        ExpectDelimiterOrEnd,
        ExpectArgsEnd,
        ExpectVariableEnd,
    }

    /// <summary>Null when Envoy accepts the value, otherwise why not.</summary>
    public static string? Check(string value)
    {
        var state = State.Literal;
        for (var pos = 0; pos < value.Length; pos++)
        {
            var ch = value[pos];
            var hasNext = pos + 1 < value.Length;
            switch (state)
            {
                case State.Literal when ch == '%':
                    if (!hasNext)
                    {
                        return "a '%' at the end is not escaped (write '%%')";
                    }

                    if (value[pos + 1] == '%')
                    {
                        pos++;
                    }
                    else
                    {
                        state = State.VariableName;
                    }

                    break;
                case State.VariableName:
                    state = ch == '%' ? State.Literal : ch == '(' ? State.ExpectArray : state;
                    break;
                case State.ExpectArray:
                    state = ch == '[' ? State.ExpectString : ch != ' ' ? State.InString : state;
                    break;
                case State.ExpectDelimiterOrEnd:
                    if (ch == ',')
                    {
                        state = State.ExpectString;
                    }
                    else if (ch == ']')
                    {
                        state = State.ExpectArgsEnd;
                    }
                    else if (ch != ' ')
                    {
                        return "expected ',', ']' or a space in the variable's arguments";
                    }

                    break;
                case State.ExpectString:
                    if (ch == '"')
                    {
                        state = State.InString;
                    }
                    else if (ch != ' ')
                    {
                        return "expected '\"' to start an argument";
                    }

                    break;
                case State.InString:
                    if (ch == '\\')
                    {
                        if (!hasNext)
                        {
                            return "a backslash at the end of an argument escapes nothing";
                        }

                        pos++;
                    }
                    else if (ch == ')')
                    {
                        state = State.ExpectVariableEnd;
                    }
                    else if (ch == '"')
                    {
                        state = State.ExpectDelimiterOrEnd;
                    }

                    break;
                case State.ExpectArgsEnd:
                    if (ch == ')')
                    {
                        state = State.ExpectVariableEnd;
                    }
                    else if (ch != ' ')
                    {
                        return "expected ')' after the variable's arguments";
                    }

                    break;
                case State.ExpectVariableEnd:
                    if (ch == '%')
                    {
                        state = State.Literal;
                    }
                    else if (ch != ' ')
                    {
                        return "expected '%' to close the variable";
                    }

                    break;
            }
        }

        return state == State.Literal ? null : $"the variable expression in \"{value}\" is not closed with '%'";
    }
}
