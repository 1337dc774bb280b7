"""The journey over time: treatments and doses, test results, scans, the symptom diary.

- `models`: Treatment (kind, name, dose, how_given, member_id = prescriber, location,
  started_on/stopped_on, why_stopped, repeat_every + repeat_unit or planned_dates),
  Dose (treatment_id, given_on, location, notes), Measurement (measure, value, unit,
  reference_range as printed, range_low/range_high, lab, measured_on, notes,
  next_planned_on), Scan (scanned_on, kind, location, report, next_planned_on),
  DiaryEntry (day, note, ratings) and SymptomRating (symptom, rating 0-10 or count).
  All are registered kinds (core/registry.py); dates are local calendar days.
- `records`: add_treatment, log_dose, add_measurement, save_diary_day(day, note,
  [SymptomScore]), tracked_symptoms; every flush of these models is checked and
  refused with InvalidInputError("field: problem").
- `rules`: the checks in words (shared with JSON import), DIARY_DEFAULT_SYMPTOMS.
- `choices`: the kinds, units and signs (StoredChoice) and their words, no SQLAlchemy.
- `schedule`: Schedule.of(treatment), next_due(...), doses_due(connection, today) ->
  [DoseDue(treatment, due_on, overdue, ...)], occurrences(...); the connection is
  JourneyRecord.plain_reading()'s or core/plain_read.opened_plainly()'s.
- `upcoming`: upcoming(record, today, days) -> [UpcomingItem(on, kind, what,
  with_whom, at, overdue, record_kind, record_id)] for Home, the CLI and .ics;
  quick_upcoming(path, ...) reads the file without SQLAlchemy (None: open it).
- `listings`: the page lists, value_text and rating_text.
"""
