select distinct type from core.events
