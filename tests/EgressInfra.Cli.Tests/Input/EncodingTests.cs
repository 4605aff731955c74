using System.Text;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>Stack files saved as UTF-16 or UTF-32 (Windows editors do this) are read; what cannot be read is named.</summary>
public class EncodingTests
{
    public static TheoryData<string, bool> Encodings => new()
    {
        { "utf-16le", true },
        { "utf-16be", true },
        { "utf-32le", true },
        { "utf-32be", true },
        { "utf-16le", false },
        { "utf-16be", false },
        { "utf-32le", false },
        { "utf-8", true },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void DevStack_InAnyYamlEncoding_ChecksLikeUtf8(string encodingName, bool withBom)
    {
        var text = RepoPaths.ReadText("Pulumi.dev.yaml");
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = withBom ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
        var path = Path.Combine(SpecialFiles.TempDir(), "Pulumi.dev.yaml");
        File.WriteAllBytes(path, bytes);
        var utf8 = CliRunner.TempFile(text, "Pulumi.dev.yaml");

        var (exit, output, err) = CliRunner.Run("check", "--file", path);
        var (_, expected, _) = CliRunner.Run("check", "--file", utf8);

        Assert.True(exit == 0, output + err);
        Assert.Equal(expected.Replace(utf8, "F", StringComparison.Ordinal), output.Replace(path, "F", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenUtf16_NamesTheEncoding()
    {
        var path = Path.Combine(SpecialFiles.TempDir(), "Pulumi.x.yaml");
        File.WriteAllBytes(path, [0xFF, 0xFE, (byte)'c', 0, 0x00, 0xD8, (byte)'x', 0]); // a lone high surrogate

        var (exit, _, err) = CliRunner.Run("check", "--file", path);

        Assert.Equal(2, exit);
        Assert.Contains("is not UTF-16LE text", err, StringComparison.Ordinal);
    }

    [Fact]
    public void NulInsideUtf16_IsRefused()
    {
        var path = Path.Combine(SpecialFiles.TempDir(), "Pulumi.x.yaml");
        File.WriteAllBytes(path, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("config:\0\n")]);

        var (exit, _, err) = CliRunner.Run("check", "--file", path);

        Assert.Equal(2, exit);
        Assert.Contains("UTF-16LE text holding NUL characters", err, StringComparison.Ordinal);
    }
}
