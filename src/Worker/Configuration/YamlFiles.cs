using Bot.Worker.Common;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bot.Worker.Configuration;

/// <summary>Reads a YAML file; a syntax or shape error becomes one line naming file, line and column.</summary>
internal static class YamlFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static T Read<T>(string path)
    {
        if (!File.Exists(path))
        {
            throw new StartupException($"{path}: file not found");
        }
        try
        {
            return Deserializer.Deserialize<T>(File.ReadAllText(path)) ?? throw new StartupException($"{path}: file is empty");
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException?.Message ?? ex.Message;
            throw new StartupException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {message}", ex);
        }
    }
}
