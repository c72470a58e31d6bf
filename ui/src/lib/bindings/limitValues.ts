// Written by the bindings test from throughline_api::LIMITS. Do not edit.
import type { Limits } from './Limits';

/** The limits the model enforces. */
export const LIMITS: Limits = {"max_journey_personas":8,"max_text_chars":5000,"max_name_chars":200,"max_picture_bytes":2097152,"max_png_side":20000,"max_insights":20,"max_reference_chars":2000,"max_comment_chars":5000,"max_journey_comments":1000};
