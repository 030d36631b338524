namespace AgentDeck.Toml.Parsing;

/// <summary>How a table came to exist; TOML's redefinition rules depend on it.</summary>
internal enum TableOrigin
{
    /// <summary>The document root.</summary>
    Root,

    /// <summary>Named only as a parent in a header (<c>a</c> in <c>[a.b]</c>); a later <c>[a]</c> may still define it.</summary>
    Implicit,

    /// <summary>Defined by its own <c>[header]</c>.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>); headers may add sub-tables but not redefine it.</summary>
    Dotted,

    /// <summary>An inline table <c>{ ... }</c>: complete and closed once written.</summary>
    Inline,

    /// <summary>An element of an array of tables, created by <c>[[header]]</c>.</summary>
    ArrayElement,
}
