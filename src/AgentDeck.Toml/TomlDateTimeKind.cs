namespace AgentDeck.Toml;

public enum TomlDateTimeKind
{
    /// <summary>1979-05-27T07:32:00Z or with a numeric offset.</summary>
    OffsetDateTime,

    /// <summary>1979-05-27T07:32:00, no offset.</summary>
    LocalDateTime,

    /// <summary>1979-05-27.</summary>
    LocalDate,

    /// <summary>07:32:00.</summary>
    LocalTime,
}
