using EgressInfra.Files;

namespace EgressInfra.Cli.Input;

/// <summary>
/// egressctl's side of the shared reader (<see cref="BoundedText"/>): the same rules as the Pulumi
/// program's, with a refusal turned into a usage error (exit 2) and a budget that says how to raise it
/// (<see cref="InputLimit.OptionName"/> or <see cref="InputLimit.EnvironmentVariable"/>).
/// </summary>
public static class InputText
{
    /// <summary>The budget shared by every input of one run; each read takes from it.</summary>
    public sealed class Budget(long limit) : ReadBudget(limit, Hint)
    {
        private const string Hint = $"raise it with {InputLimit.OptionName} or ${InputLimit.EnvironmentVariable} if the input is genuine";
    }

    /// <summary>Reads a file the user named; <paramref name="what"/> says what was expected ("a stack file").</summary>
    public static string ReadFile(string path, Budget budget, string what = "a file") =>
        Refused(() => BoundedText.ReadFile(path, budget, what, what == "a manifest file" ? $"{BoundedText.SaveToFileAdvice} or pipe it to 'lint -'" : BoundedText.SaveToFileAdvice));

    /// <summary>Reads a stream to its end or to the budget, whichever comes first, counting the bytes read.</summary>
    public static string ReadStream(Stream stream, string name, Budget budget) => Refused(() => BoundedText.ReadStream(stream, name, budget));

    /// <summary>Reads already decoded text (a <see cref="TextReader"/> standing for stdin) against the same budget, counting UTF-8 bytes.</summary>
    public static string ReadText(TextReader reader, string name, Budget budget) => Refused(() => BoundedText.ReadText(reader, name, budget));

    private static string Refused(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (UnreadableInputException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}
