package tokenizer

// ChatFamily is a chat markup convention.
type ChatFamily string

// Chat families.
const (
	ChatML     ChatFamily = "chatml" // Qwen: <|im_start|>role\n...<|im_end|>
	ChatLlama3 ChatFamily = "llama3" // <|start_header_id|>role<|end_header_id|>\n\n...<|eot_id|>
	ChatPlain  ChatFamily = "plain"  // no markup (base models such as TinyStories)
)

// Family picks the chat convention from the tokenizer's special tokens.
func (t *Tokenizer) Family() ChatFamily {
	if _, ok := t.vocab["<|im_start|>"]; ok {
		return ChatML
	}
	if _, ok := t.vocab["<|start_header_id|>"]; ok {
		return ChatLlama3
	}
	return ChatPlain
}

// FormatChat renders a system and user message and opens the assistant turn,
// as the family's chat template does with add_generation_prompt. An empty
// system message is omitted. Plain models get the user text as is.
func (t *Tokenizer) FormatChat(system, user string) string {
	switch t.Family() {
	case ChatML:
		s := ""
		if system != "" {
			s = "<|im_start|>system\n" + system + "<|im_end|>\n"
		}
		return s + "<|im_start|>user\n" + user + "<|im_end|>\n<|im_start|>assistant\n"
	case ChatLlama3:
		s := "<|begin_of_text|>"
		if system != "" {
			s += "<|start_header_id|>system<|end_header_id|>\n\n" + system + "<|eot_id|>"
		}
		return s + "<|start_header_id|>user<|end_header_id|>\n\n" + user + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
	}
	return user
}
