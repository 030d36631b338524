using System.Text;

namespace AgentDeck.Agents.Tests.Drivers;

/// <summary>Stdout lines no agent should print, which a driver must survive.</summary>
public static class Garbage
{
    public static TheoryData<byte[]> Lines()
    {
        var data = new TheoryData<byte[]>();
        foreach (var text in new[]
                 {
                     "", "   ", "not json", "{", "}", "[1,2,3]", "42", "null", "\"result\"", "{\"type\":", "{\"type\":42}",
                     "{\"id\":\"x\",\"result\":{}}", "{\"id\":999,\"result\":{\"thread\":{\"id\":\"t\"}}}",
                     "{\"method\":7}", "{\"method\":\"turn/completed\",\"params\":[]}", "{\"id\":{},\"method\":null}",
                     "{\"method\":\"turn/started\",\"params\":{\"turn\":\"x\"}}", "Reading additional input from stdin...",
                     new string('[', 5000), "{\"a\":1} trailing",
                 })
        {
            data.Add(Encoding.UTF8.GetBytes(text));
        }

        data.Add([0xFF, 0xFE, 0x7B, 0x22, 0xC3]);
        data.Add([0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D]);
        return data;
    }
}
